using System.Globalization;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// What one LMS's grade importer does with a file, from its documented rules: which columns identify students,
/// which header is which grade item (and when a header makes a new one), what the points possible are, and what a
/// cell means. Shared by the native writers (<c>--csv-format</c>), <c>--into</c> and <c>rubric lms-check</c>, so
/// what is written is what is checked.
/// </summary>
internal abstract class LmsImportRules
{
    public abstract LmsSystem System { get; }

    /// <summary>Where these rules come from, named in the check's output.</summary>
    public abstract string Source { get; }

    /// <summary>Columns the LMS identifies students by, in the order they are tried.</summary>
    public abstract IReadOnlyList<string> IdentityHeaders { get; }

    /// <summary>Other columns the LMS reads as student details or its own bookkeeping, never as grades.</summary>
    protected abstract IReadOnlyList<string> OtherHeaders { get; }

    /// <summary>The columns of a new import file written for this LMS (<c>--csv-format</c>), before the grade column.</summary>
    public abstract IReadOnlyList<string> NativeIdentityHeaders { get; }

    /// <summary>
    /// How a student who is not in an export is written in one of <see cref="NativeIdentityHeaders"/>; null when the
    /// column is left out rather than guessed (Brightspace's Username).
    /// </summary>
    public abstract string? NativeIdentity(string header, Student student);

    /// <summary>Columns written after the grade column of a new import file, with the value each row holds.</summary>
    public virtual IReadOnlyList<(string Header, string Value)> NativeTrailer => [];

    /// <summary>True when every field of a comma-separated file must be in quotes (Blackboard).</summary>
    public virtual bool QuoteAll => false;

    /// <summary>How a student the LMS does not know is handled: an error when it stops the whole import.</summary>
    public virtual LmsIssueSeverity UnknownStudent => LmsIssueSeverity.Warning;

    /// <summary>What the LMS does with such a student, for the check's message.</summary>
    public abstract string UnknownStudentEffect { get; }

    /// <summary>The grade item a header names, or null for identity, detail and unknown non-grade columns.</summary>
    public abstract LmsItemHeader? ParseItem(string header);

    /// <summary>True when a header names a column the LMS reads as identity or detail, not as a grade.</summary>
    public bool IsDetail(string header) =>
        IdentityHeaders.Concat(OtherHeaders).Any(h => GradebookPlan.HeaderEquals(header, h));

    /// <summary>
    /// True when the LMS would import a column of this header, absent from its export, as a new grade item. By
    /// default a header without an item id is new (Canvas, Blackboard).
    /// </summary>
    public virtual bool WouldBeNewItem(string header) => !IsDetail(header) && ParseItem(header.Trim())?.Id is null;

    /// <summary>The header to add for a new grade item named <paramref name="name"/> (Brightspace appends "Points Grade").</summary>
    public virtual string NewItemHeader(string name) => name;

    /// <summary>The student key as the LMS compares it (Brightspace's '#' prefix dropped).</summary>
    public virtual string Key(string cell) => cell.Trim();

    /// <summary>What the LMS does with one cell of a grade column.</summary>
    public abstract LmsCell ReadCell(string cell);

    /// <summary>A non-numeric cell with a meaning of its own (EX, Complete, a letter): a person's decision, never overwritten.</summary>
    public bool IsMarker(string cell) => ReadCell(cell).Kind is LmsCellKind.Mark or LmsCellKind.Invalid && !GradebookPlan.IsOverrideMark(cell);

    /// <summary>The largest score the LMS accepts in a cell at all, whatever the item (Moodle's gradepointmax); null when unbounded.</summary>
    public virtual double? MaxCellValue => null;

    /// <summary>
    /// The column of grade item <paramref name="name"/>: the header itself, or the one item whose title is
    /// <paramref name="name"/> or, failing that, starts with it. -1 when none.
    /// </summary>
    /// <exception cref="GradebookUpdateException">The name matches more than one item.</exception>
    public int FindItem(IReadOnlyList<string> headers, string name)
    {
        var wanted = name.Trim();
        for (var i = 0; i < headers.Count; i++)
            if (GradebookPlan.HeaderEquals(headers[i], wanted)) return i;
        var wantedTitle = ParseItem(wanted)?.Title ?? wanted;
        var byTitle = new List<int>();
        var byPrefix = new List<int>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (IsDetail(headers[i]) || ParseItem(headers[i].Trim()) is not { Calculated: false } item) continue;
            if (item.Title.Equals(wantedTitle, StringComparison.OrdinalIgnoreCase)) byTitle.Add(i);
            else if (item.Title.StartsWith(wantedTitle, StringComparison.OrdinalIgnoreCase)) byPrefix.Add(i);
        }
        var found = byTitle.Count > 0 ? byTitle : byPrefix;
        if (found.Count > 1)
            throw new GradebookUpdateException(
                $"'{name}' names {found.Count} {System} grade items ({string.Join(", ", found.Select(i => headers[i].Trim()))}); give the whole column header with --column.");
        return found.Count == 1 ? found[0] : -1;
    }

    /// <summary>The rules of <paramref name="system"/>.</summary>
    public static LmsImportRules For(LmsSystem system) => system switch
    {
        LmsSystem.Canvas => CanvasImportRules.Instance,
        LmsSystem.Moodle => MoodleImportRules.Instance,
        LmsSystem.Blackboard => BlackboardImportRules.Instance,
        LmsSystem.Brightspace => BrightspaceImportRules.Instance,
        _ => GradescopeImportRules.Instance,
    };

    /// <summary>The LMS whose export this header (and the rows below it) is, or null for any other table.</summary>
    public static LmsImportRules? Detect(IReadOnlyList<string> header, IEnumerable<string[]> rowsBelow)
    {
        if (CanvasImportRules.IsCanvas(header, rowsBelow)) return CanvasImportRules.Instance;
        bool Has(string h) => header.Any(x => GradebookPlan.HeaderEquals(x, h));
        if (Has("End-of-Line Indicator") || Has("OrgDefinedId")) return BrightspaceImportRules.Instance;
        if (header.Any(h => BlackboardImportRules.Instance.ParseItem(h.Trim())?.Points is not null)
            || (Has("Username") && Has("Last Access") && Has("Availability"))) return BlackboardImportRules.Instance;
        if (Has("Email address") && Has("ID number")) return MoodleImportRules.Instance;
        return null;
    }

    /// <summary>A number as the LMS reads it (invariant culture, a trailing % allowed).</summary>
    protected static double? Number(string cell) =>
        double.TryParse(cell.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    /// <summary>The usual reading: a number is a score, an empty cell no grade, anything else what <paramref name="other"/> says.</summary>
    protected static LmsCell Read(string cell, Func<string, LmsCell> other)
    {
        var t = cell.Trim();
        if (t.Length == 0) return new LmsCell(LmsCellKind.Empty, null);
        return Number(t) is { } d ? new LmsCell(LmsCellKind.Score, d) : other(t);
    }
}
