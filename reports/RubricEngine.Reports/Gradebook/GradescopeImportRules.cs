using System.Globalization;
using System.Text.RegularExpressions;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// Gradescope's course roster rules (Gradescope help, "Adding Students and Staff"): every column has a header; a member
/// is identified by a unique email address; names are one full-name column or First and Last Name columns; the file is
/// UTF-8. The score sheet's columns follow Gradescope's own score export (Email and SID, Total Score, one numeric column
/// per question headed <c>1: Title (2.0 pts)</c>); the score-upload page's own rules were not available, so what is
/// enforced is the documented roster identity (one row per email) and numeric scores.
/// </summary>
internal sealed partial class GradescopeImportRules : LmsImportRules
{
    public static GradescopeImportRules Instance { get; } = new();

    private GradescopeImportRules()
    {
    }

    public override LmsSystem System => LmsSystem.Gradescope;

    public override string Source => "Gradescope roster rules: members identified by a unique Email; First/Last Name or a full name; UTF-8";

    public override IReadOnlyList<string> IdentityHeaders { get; } = ["Email", "SID"];

    protected override IReadOnlyList<string> OtherHeaders { get; } =
        ["First Name", "Last Name", "Name", "Full Name", "Sections", "Max Points", "Status", "Submission ID", "Submission Time", "Lateness (H:M:S)", "View Count", "Submission Count"];

    public override IReadOnlyList<string> NativeIdentityHeaders { get; } = ["First Name", "Last Name", "SID", "Email"];

    public override string? NativeIdentity(string header, Student student)
    {
        var (first, last) = PersonName.Split(student.Name);
        return header switch { "First Name" => first, "Last Name" => last, "SID" => student.Id, "Email" => student.Email ?? "", _ => "" };
    }

    public override string UnknownStudentEffect => "Gradescope has no roster member with that email, so the scores cannot be matched to anyone";

    public override LmsItemHeader? ParseItem(string header)
    {
        var h = header.Trim();
        if (h.Equals("Total Score", StringComparison.OrdinalIgnoreCase)) return new LmsItemHeader(h, null, null);
        var m = QuestionHeader().Match(h);
        return m.Success ? new LmsItemHeader(m.Groups["title"].Value.Trim(), null, double.Parse(m.Groups["points"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)) : null;
    }

    public override bool WouldBeNewItem(string header) => false;

    public override LmsCell ReadCell(string cell) =>
        Read(cell, t => new LmsCell(LmsCellKind.Invalid, null, "not a number: Gradescope scores are numbers"));

    [GeneratedRegex(@"^(?<title>.+) \((?<points>\d+(?:\.\d+)?) pts\)$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionHeader();
}
