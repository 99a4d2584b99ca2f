using System.Globalization;
using System.Text.RegularExpressions;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// Blackboard Learn's Grade Center upload ("Uploading External Grade Center Items"): students are identified by
/// Username (a row whose Username is not enrolled is not processed); a column is identified by the Column ID at the
/// end of its header, <c>HW7 [Total Pts: 100 Score] |123456</c>; a header without one creates a new text column worth 0
/// points, left out of calculated columns; Total and Weighted Total are not processed; name changes are not processed.
/// Comma-separated files hold every field in quotes; the default download is tab-separated text in a <c>.xls</c>.
/// "Complete" and "Incomplete" are read as marks.
/// </summary>
internal sealed partial class BlackboardImportRules : LmsImportRules
{
    public static BlackboardImportRules Instance { get; } = new();

    private BlackboardImportRules()
    {
    }

    public override LmsSystem System => LmsSystem.Blackboard;

    public override string Source => "Blackboard 'Uploading External Grade Center Items': students by Username; columns by the Column ID in 'Title [Total Pts: N Score] |id'";

    public override IReadOnlyList<string> IdentityHeaders { get; } = ["Username"];

    protected override IReadOnlyList<string> OtherHeaders { get; } =
        ["Last Name", "First Name", "Student ID", "Last Access", "Availability", "Child Course ID"];

    public override IReadOnlyList<string> NativeIdentityHeaders { get; } = ["Last Name", "First Name", "Username", "Student ID"];

    public override string? NativeIdentity(string header, Student student)
    {
        var (first, last) = PersonName.Split(student.Name);
        return header switch
        {
            "Last Name" => last,
            "First Name" => first,
            "Username" => student.Id,
            _ => "",
        };
    }

    public override bool QuoteAll => true;

    public override string UnknownStudentEffect => "Blackboard does not process rows of a Username not enrolled in the course";

    public override LmsItemHeader? ParseItem(string header)
    {
        var m = ColumnHeader().Match(header.Trim());
        if (!m.Success) return null;
        var points = double.Parse(m.Groups["points"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var id = m.Groups["id"].Success ? m.Groups["id"].Value : null;
        return new LmsItemHeader(m.Groups["title"].Value.Trim(), id, points, Calculated: m.Groups["upto"].Success);
    }

    public override string NewItemHeader(string name) => name;

    public override LmsCell ReadCell(string cell) => Read(cell, t => t.ToUpperInvariant() switch
    {
        "COMPLETE" => new LmsCell(LmsCellKind.Mark, null, "set to full points in a Complete/Incomplete column"),
        "INCOMPLETE" => new LmsCell(LmsCellKind.Mark, null, "set to no grade"),
        _ => new LmsCell(LmsCellKind.Invalid, null, "not a number: a score column does not take text"),
    });

    [GeneratedRegex(@"^(?<title>.+?) \[Total Pts: (?<upto>up to )?(?<points>\d+(?:\.\d+)?)[^\]]*\](?: \|(?<id>\d+))?$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex ColumnHeader();
}
