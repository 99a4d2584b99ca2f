using System.Globalization;
using System.Text.RegularExpressions;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// D2L Brightspace's "Importing grades": users by OrgDefinedId and/or Username (its export writes both with a '#'
/// prefix); a numeric item's column is headed <c>&lt;Item&gt; Points Grade</c> (the export adds
/// <c>&lt;Numeric MaxPoints:10&gt;</c>), a select-box item <c>&lt;Item&gt; Grade Symbol</c>, a text item
/// <c>&lt;Item&gt; Text Grade</c>; a column naming an item the course lacks is offered as a new grade item; the
/// "End-of-Line Indicator" column (a '#' in every row) comes last; names, emails and weighted grades are not imported;
/// a grade above the item's maximum is capped unless the item "Can Exceed".
/// </summary>
internal sealed partial class BrightspaceImportRules : LmsImportRules
{
    public const string EndOfLine = "End-of-Line Indicator";

    public static BrightspaceImportRules Instance { get; } = new();

    private BrightspaceImportRules()
    {
    }

    public override LmsSystem System => LmsSystem.Brightspace;

    public override string Source => "Brightspace 'Importing grades': users by OrgDefinedId/Username; '<Item> Points Grade' columns; End-of-Line Indicator last";

    public override IReadOnlyList<string> IdentityHeaders { get; } = ["OrgDefinedId", "Username"];

    protected override IReadOnlyList<string> OtherHeaders { get; } =
        ["Last Name", "First Name", "Email", "Section Membership", "Sections", "Groups", EndOfLine];

    public override IReadOnlyList<string> NativeIdentityHeaders { get; } = ["OrgDefinedId", "Username"];

    /// <summary>
    /// The id written as the export writes it, '#'-prefixed (which also keeps Excel from dropping leading zeros); the
    /// Username only comes from an export, never guessed (a wrong one would not match).
    /// </summary>
    public override string? NativeIdentity(string header, Student student) => header == "OrgDefinedId" ? "#" + student.Id : null;

    public override IReadOnlyList<(string Header, string Value)> NativeTrailer { get; } = [(EndOfLine, "#")];

    public override string UnknownStudentEffect => "Brightspace reports the row as an error and imports nothing for it";

    public override LmsItemHeader? ParseItem(string header)
    {
        var m = ItemHeader().Match(header.Trim());
        if (!m.Success) return null;
        double? points = m.Groups["max"].Success ? double.Parse(m.Groups["max"].Value, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
        var kind = m.Groups["kind"].Value;
        return new LmsItemHeader(m.Groups["title"].Value.Trim(), null, points,
            Calculated: kind.StartsWith("Calculated", StringComparison.Ordinal) || kind.Contains("Weighted", StringComparison.Ordinal));
    }

    /// <summary>Brightspace matches items by name; only its export says whether the course has one, so any grade header may be new.</summary>
    public override bool WouldBeNewItem(string header) => !IsDetail(header);

    public override string NewItemHeader(string name) =>
        ParseItem(name) is null ? $"{name.Trim()} Points Grade" : name.Trim();

    public override string Key(string cell)
    {
        var t = cell.Trim();
        return t.StartsWith('#') ? t[1..] : t;
    }

    public override LmsCell ReadCell(string cell) =>
        Read(cell, t => new LmsCell(LmsCellKind.Invalid, null, "not a number: a Points Grade column takes points only"));

    [GeneratedRegex(@"^(?<title>.+?) (?<kind>Points Grade|Grade Symbol|Text Grade|Weighted Grade|Adjusted Final Grade Numerator|Adjusted Final Grade Denominator|Calculated Final Grade Numerator|Calculated Final Grade Denominator)(?: <(?:[^>]*?MaxPoints:(?<max>\d+(?:\.\d+)?))?[^>]*>)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemHeader();
}
