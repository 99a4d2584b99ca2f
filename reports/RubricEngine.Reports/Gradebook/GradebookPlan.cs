using System.Globalization;
using RubricEngine.Grading;
using RubricEngine.Reports.Excel;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// What to write, whatever the file format: the target columns, the key column, and each student's values —
/// matched by key, with the bookkeeping for the report.
/// </summary>
internal sealed class GradebookPlan
{
    private static readonly string[] IdHeaders = ["SIS User ID", "Student ID", "ID", "SIS Login ID", "Login ID", "Student Number", "OrgDefinedId", "Username", "ID number"];
    private static readonly string[] EmailHeaders = ["Email", "E-mail", "Email Address", "E-mail Address"];

    private readonly Dictionary<string, TraceGrade> _byKey;
    private readonly HashSet<string> _matched;

    public GradebookPlan(IReadOnlyList<TraceGrade> grades, GradebookUpdateOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Column)) throw new GradebookUpdateException("The gradebook column to write is empty.");
        Options = options;
        var key = options.Key.Trim();
        ByEmail = key.Equals("email", StringComparison.OrdinalIgnoreCase)
            || (!key.Equals("id", StringComparison.OrdinalIgnoreCase) && key.Contains("mail", StringComparison.OrdinalIgnoreCase));
        KeyHeaders = key.Equals("id", StringComparison.OrdinalIgnoreCase) ? IdHeaders
            : key.Equals("email", StringComparison.OrdinalIgnoreCase) ? EmailHeaders
            : [key];

        var rules = options.PerCriterion ? GradebookRule.Columns(options.Rules ?? [], grades) : [];
        Columns = [new TargetColumn(options.Column.Trim(), null), .. rules.Select(r => new TargetColumn(r.Header, r.Rule.Id))];
        MaxPoints = grades.Count == 0 ? 0 : grades.Max(g => g.Max);
        RulePoints = rules.ToDictionary(r => r.Rule.Id, r => r.Rule.Points, StringComparer.Ordinal);

        // One grade per student: the highest total, the first among equals.
        _byKey = new Dictionary<string, TraceGrade>(ByEmail ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var duplicates = new SortedSet<string>(StringComparer.Ordinal);
        var noKey = new List<string>();
        foreach (var grade in grades)
        {
            var k = Normalize(ByEmail ? grade.Student.Email : grade.Student.Id);
            if (k.Length == 0) { noKey.Add(grade.Student.Id); continue; }
            if (_byKey.TryGetValue(k, out var existing))
            {
                duplicates.Add(k);
                if (grade.Total > existing.Total) _byKey[k] = grade;
            }
            else
            {
                _byKey[k] = grade;
            }
        }
        Duplicates = duplicates.ToList();
        _matched = new HashSet<string>(_byKey.Comparer);
        TracesWithoutKey = noKey;
    }

    public GradebookUpdateOptions Options { get; }
    public bool ByEmail { get; }
    public IReadOnlyList<string> KeyHeaders { get; }
    public IReadOnlyList<TargetColumn> Columns { get; }
    public double MaxPoints { get; }
    public IReadOnlyDictionary<string, double> RulePoints { get; }
    public IReadOnlyList<string> Duplicates { get; }
    public IReadOnlyList<string> TracesWithoutKey { get; }
    public List<string> StudentsWithoutTrace { get; } = [];
    public List<KeptOverride> KeptOverrides { get; } = [];
    public List<string> AddedColumns { get; } = [];

    /// <summary>
    /// What each cell this update writes held when the gradebook was read, by student key and column: compared
    /// between two reads to tell a cell a person changed meanwhile.
    /// </summary>
    public Dictionary<(string Student, string Column), string> CellsRead { get; } = [];
    public int Updated { get; set; }

    /// <summary>Factor applied to totals (Canvas <c>--scale-to-points</c>); 1 otherwise.</summary>
    public double Scale { get; set; } = 1;

    /// <summary>The index of the key column among <paramref name="headers"/>, or -1.</summary>
    public int FindKeyColumn(IReadOnlyList<string> headers)
    {
        foreach (var wanted in KeyHeaders)
            for (var i = 0; i < headers.Count; i++)
                if (HeaderEquals(headers[i], wanted)) return i;
        return -1;
    }

    public static bool HeaderEquals(string? header, string wanted) =>
        string.Equals(header?.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>True for Canvas's "Points Possible" row, which receives the points each column is worth.</summary>
    public static bool IsPointsPossible(IEnumerable<string?> firstCells) =>
        firstCells.Any(c => HeaderEquals(c, "Points Possible"));

    /// <summary>The grade for a gradebook key value, recording that the trace was used; null when none matches.</summary>
    public TraceGrade? Match(string? keyValue)
    {
        var k = Normalize(keyValue);
        if (k.Length == 0) return null;
        if (_byKey.TryGetValue(k, out var grade))
        {
            _matched.Add(k);
            return grade;
        }
        StudentsWithoutTrace.Add(k);
        return null;
    }

    /// <summary>
    /// The value to write in <paramref name="column"/> for <paramref name="grade"/>; null when the trace lacks the
    /// criterion or it was not graded — and for the total when any criterion was not graded: a partial total in a
    /// course gradebook reads as the grade.
    /// </summary>
    public static double? ValueOf(TraceGrade grade, TargetColumn column, double scale = 1)
    {
        if (column.RuleId is null) return grade.IsPartial() ? null : Round(grade.Total * scale);
        var c = grade.Criteria.FirstOrDefault(r => r.Rule.Id == column.RuleId);
        return c?.GradedPoints() is { } points ? Round(points) : null;
    }

    /// <summary>Points possible of <paramref name="column"/>, for the Points Possible row.</summary>
    public double PointsPossible(TargetColumn column) =>
        column.RuleId is null ? Round(MaxPoints) : Round(RulePoints.GetValueOrDefault(column.RuleId));

    /// <summary>True when a grader marked the cell as a manual value (a note, or in CSV the text, starting "override").</summary>
    public static bool IsOverrideMark(string? text) =>
        text is not null && text.TrimStart().StartsWith("override", StringComparison.OrdinalIgnoreCase);

    public static bool SameNumber(string existing, double value) =>
        double.TryParse(existing.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Abs(d - value) < 1e-9;

    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public UpdateReport Report(string path, string backup, int reapplied) => new(
        path,
        backup,
        Updated,
        AddedColumns,
        StudentsWithoutTrace,
        _byKey.Keys.Where(k => !_matched.Contains(k)).Order(StringComparer.Ordinal).Concat(TracesWithoutKey).ToList(),
        KeptOverrides,
        Duplicates,
        reapplied);

    private static string Normalize(string? value) => value?.Trim() ?? "";

    internal static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
