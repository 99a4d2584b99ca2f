using System.Globalization;

namespace RubricEngine.Reports.Gradebook;

/// <summary>What an LMS will do with a grade file, from its documented import rules (<c>rubric lms-check</c>).</summary>
public sealed record LmsCheckReport(
    LmsSystem System,
    string File,
    string Rules,
    string Encoding,
    string Delimiter,
    int StudentRows,
    int? MatchedStudents,
    IReadOnlyList<LmsColumn> Columns,
    IReadOnlyList<LmsIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.Severity == LmsIssueSeverity.Error);

    public IEnumerable<LmsColumn> NewItems => Columns.Where(c => c.Role == LmsColumnRole.NewItem);

    public IEnumerable<LmsIssue> Errors => Issues.Where(i => i.Severity == LmsIssueSeverity.Error);

    public IEnumerable<LmsIssue> Warnings => Issues.Where(i => i.Severity == LmsIssueSeverity.Warning);

    /// <summary>The report as printed: a summary of columns, then one line per finding (<c>file(line): warning: …</c>).</summary>
    public IEnumerable<string> Lines()
    {
        var delimiter = Delimiter switch { "\t" => "tab-separated", "," => "comma-separated", ";" => "semicolon-separated", _ => $"'{Delimiter}'-separated" };
        yield return $"{File}: {System} import ({Rules})";
        yield return $"  read as {Encoding}, {delimiter}; {StudentRows} student row{(StudentRows == 1 ? "" : "s")}" +
            (MatchedStudents is { } m ? $", {m} of them in the export" : "");
        foreach (var c in Columns.Where(c => c.Role != LmsColumnRole.Detail))
        {
            var points = c.Points is { } p ? $", points possible {p.ToString("0.##", CultureInfo.InvariantCulture)}" : "";
            yield return $"  column {c.Index + 1} '{c.Header}': {c.Meaning}{points}";
        }
        foreach (var i in Issues)
        {
            var level = i.Severity switch { LmsIssueSeverity.Error => "error", LmsIssueSeverity.Warning => "warning", _ => "note" };
            yield return $"{File}{(i.Line is { } line ? $"({line})" : "")}: {level}: {i.Message}";
        }
        var newItems = NewItems.Count();
        yield return $"{Errors.Count()} error(s), {Warnings.Count()} warning(s); {newItems} new grade item{(newItems == 1 ? "" : "s")}" +
            (HasErrors ? $": {System} would not import this file as it is, or would change what it must not." : ".");
    }
}
