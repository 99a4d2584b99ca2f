using System.Text.RegularExpressions;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// Moodle's "Import grades from CSV file" (<c>grade/import/csv</c>, <c>gradeimport_csv_load_data</c>): the TA picks the
/// column that identifies users ("Map from", e.g. Email address → "Map to" email) and, for each column, the grade item
/// it goes to (or "new grade item", or ignore). A user the site does not know, a non-numeric value or a grade above
/// the site's limit (100 unless raised) stops the whole import; an empty cell or <c>-</c> is imported as "no grade".
/// Moodle's plain-text export heads item columns <c>Assignment: HW7 (Real)</c> and ends with
/// "Last downloaded from this course", which makes the import stop if a grade changed in Moodle since the download.
/// </summary>
internal sealed partial class MoodleImportRules : LmsImportRules
{
    public const string TimeExported = "Last downloaded from this course";

    public static MoodleImportRules Instance { get; } = new();

    private MoodleImportRules()
    {
    }

    public override LmsSystem System => LmsSystem.Moodle;

    public override string Source => "Moodle 'Import grades from CSV file' (gradeimport_csv): users by the mapped column; each column mapped to a grade item by the TA";

    public override IReadOnlyList<string> IdentityHeaders { get; } = ["Email address", "ID number", "Username"];

    protected override IReadOnlyList<string> OtherHeaders { get; } =
        ["First name", "Last name", "Institution", "Department", "Phone", "Mobile phone", "City/town", "Country", TimeExported];

    public override IReadOnlyList<string> NativeIdentityHeaders { get; } = ["First name", "Last name", "ID number", "Email address"];

    public override string? NativeIdentity(string header, Student student)
    {
        var (first, last) = PersonName.Split(student.Name);
        return header switch
        {
            "First name" => first,
            "Last name" => last,
            "ID number" => student.Id,
            "Email address" => student.Email ?? "",
            _ => "",
        };
    }

    public override LmsIssueSeverity UnknownStudent => LmsIssueSeverity.Error;

    public override string UnknownStudentEffect => "Moodle stops the whole import (\"user not found\") and imports nothing";

    public override double? MaxCellValue => 100; // gradepointmax, unless the site raised it ("unlimited grades")

    /// <summary>
    /// Moodle maps columns by the TA's choice, not by header, so any column that is not a user detail can be a grade
    /// item; an export's own headers say which item (<c>Assignment: HW7 (Real)</c>).
    /// </summary>
    public override LmsItemHeader? ParseItem(string header)
    {
        var h = header.Trim();
        if (h.Length == 0 || IsDetail(h)) return null;
        var m = ExportHeader().Match(h);
        if (!m.Success) return new LmsItemHeader(h, null, null);
        var title = m.Groups["title"].Value.Trim();
        return new LmsItemHeader(title, null, null, Calculated: title.Equals("Course total", StringComparison.OrdinalIgnoreCase) || title.EndsWith(" total", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A column is a new item only if the TA maps it so; with the export, any header it lacks is new.</summary>
    public override bool WouldBeNewItem(string header) => !IsDetail(header);

    public override LmsCell ReadCell(string cell) =>
        cell.Trim() == "-"
            ? new LmsCell(LmsCellKind.Empty, null, "imported as 'no grade' for that student")
            : Read(cell, t => new LmsCell(LmsCellKind.Invalid, null, "not a number: Moodle stops the whole import (\"badgrade\")")) switch
            {
                { Kind: LmsCellKind.Empty } => new LmsCell(LmsCellKind.Empty, null, "imported as 'no grade' for that student"),
                var c => c,
            };

    [GeneratedRegex(@"^(?:(?<type>[^:]+): )?(?<title>.+?) \((?:Real|Percentage|Letter)\)$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex ExportHeader();
}
