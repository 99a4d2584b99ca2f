using System.Globalization;
using System.Text;
using RubricEngine.Grading;
using RubricEngine.Reports.Safety;
using RubricEngine.Rubrics;

// Not "…Reports.Console": that namespace would shadow System.Console for all of RubricEngine.Reports.
namespace RubricEngine.Reports.ConsoleOutput;

/// <summary>
/// Findings as one line each in MSBuild's canonical format, which editors and CI logs turn into links:
/// <c>traces/ana.json(12,5): warning HW7-03: ~18 hours is not in the sources [3.b.i attempt 1, message 4]</c>.
/// The (line,column) is within the <em>content of the message</em> named at the end (messages counted from 0, as in
/// the trace's <c>messages[4]</c>), not within the trace file. Trace text is made terminal-safe
/// (<see cref="ReportText.OneSafeLine"/>). Pure functions: no console access.
/// </summary>
public static class FindingFormatter
{
    /// <summary>True when <paramref name="finding"/> is shown at <paramref name="verbosity"/>.</summary>
    public static bool IsShown(Finding finding, ConsoleVerbosity verbosity)
    {
        if (finding.Severity == Severity.None) return false;
        if (finding.Suppression is not null) return verbosity == ConsoleVerbosity.Detailed;
        return verbosity switch
        {
            ConsoleVerbosity.Quiet => finding.Severity == Severity.Error,
            ConsoleVerbosity.Normal => finding.Severity >= Severity.Warning,
            _ => true,
        };
    }

    /// <summary>One line for <paramref name="finding"/> of <paramref name="grade"/>.</summary>
    public static string Format(TraceGrade grade, Finding finding)
    {
        var line = new StringBuilder(128);
        var location = finding.Location;
        line.Append(ReportText.OneSafeLine(string.IsNullOrEmpty(location?.File) ? grade.File : location.File));
        if (location is not null)
            line.Append(CultureInfo.InvariantCulture, $"({Math.Max(1, location.Start.Line)},{Math.Max(1, location.Start.Column)})");
        line.Append(": ").Append(Category(finding.Severity)).Append(' ').Append(ReportText.OneSafeLine(finding.RuleId)).Append(": ");
        line.Append(ReportText.OneSafeLine(finding.Message));

        var context = new List<string>();
        var where = finding.Question?.Value ?? "";
        if (finding.Attempt is { } attempt) where = (where + string.Create(CultureInfo.InvariantCulture, $" attempt {attempt}")).Trim();
        if (where.Length > 0) context.Add(where);
        if (location is not null) context.Add(string.Create(CultureInfo.InvariantCulture, $"message {location.MessageIndex}"));
        if (context.Count > 0) line.Append(" [").Append(string.Join(", ", context)).Append(']');
        if (finding.Suppression is { } waived) line.Append(" (suppressed: ").Append(ReportText.OneSafeLine(waived)).Append(')');
        return line.ToString();
    }

    /// <summary>The lines for every finding of <paramref name="grade"/> shown at <paramref name="verbosity"/>, in order.</summary>
    public static IEnumerable<string> FormatAll(TraceGrade grade, ConsoleVerbosity verbosity) =>
        grade.Findings.Where(f => IsShown(f, verbosity)).Select(f => Format(grade, f));

    private static string Category(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
