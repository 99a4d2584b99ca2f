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
        // A suppressed finding, or one on an attempt whose points do not count, is context: shown when asked for.
        if (finding.Suppression is not null || !finding.IsGradedAttempt) return verbosity == ConsoleVerbosity.Detailed;
        return verbosity switch
        {
            ConsoleVerbosity.Quiet => finding.Severity == Severity.Error,
            ConsoleVerbosity.Normal => finding.Severity >= Severity.Warning,
            _ => true,
        };
    }

    /// <summary>One line for <paramref name="finding"/> of <paramref name="grade"/>.</summary>
    public static string Format(TraceGrade grade, Finding finding) => Format(grade, finding, comment: null);

    /// <summary>
    /// One line for <paramref name="finding"/>, with <paramref name="comment"/> (the criterion's full comment, what the
    /// student reads) after the finding's own terse message when they differ.
    /// </summary>
    private static string Format(TraceGrade grade, Finding finding, string? comment)
    {
        var line = new StringBuilder(128);
        var location = finding.Location;
        line.Append(ReportText.OneSafeLine(string.IsNullOrEmpty(location?.File) ? grade.File : location.File));
        if (location is not null)
            line.Append(CultureInfo.InvariantCulture, $"({Math.Max(1, location.Start.Line)},{Math.Max(1, location.Start.Column)})");
        line.Append(": ").Append(Category(finding.Severity)).Append(' ').Append(ReportText.OneSafeLine(finding.RuleId)).Append(": ");
        line.Append(ReportText.OneSafeLine(finding.Message));
        if (!string.IsNullOrWhiteSpace(comment) && !comment.Contains(finding.Message, StringComparison.Ordinal))
            line.Append(" — ").Append(ReportText.OneSafeLine(comment));

        var context = new List<string>();
        var where = finding.Question?.Value ?? "";
        if (finding.Attempt is { } attempt) where = (where + string.Create(CultureInfo.InvariantCulture, $" attempt {attempt}")).Trim();
        if (finding.Attempt is not null && !finding.IsGradedAttempt) where += ", not graded";
        if (where.Length > 0) context.Add(where);
        if (location is not null) context.Add(string.Create(CultureInfo.InvariantCulture, $"message {location.MessageIndex}"));
        if (context.Count > 0) line.Append(" [").Append(string.Join(", ", context)).Append(']');
        if (finding.Suppression is { } waived) line.Append(" (suppressed: ").Append(ReportText.OneSafeLine(waived)).Append(')');
        return line.ToString();
    }

    /// <summary>The lines for every finding of <paramref name="grade"/> shown at <paramref name="verbosity"/>, in order.</summary>
    /// <remarks>
    /// The first finding that cost a criterion points also carries the criterion's comment, so the console says as
    /// much as the feedback file ("The result, after 1 step. — Shows 1 step before the result; 3 expected. …").
    /// </remarks>
    public static IEnumerable<string> FormatAll(TraceGrade grade, ConsoleVerbosity verbosity)
    {
        foreach (var criterion in grade.Criteria)
        {
            var commented = false;
            foreach (var f in criterion.Findings)
            {
                if (!IsShown(f, verbosity)) continue;
                var withComment = !commented && f.IsGradedAttempt && f.PointsLost > 0;
                commented |= withComment;
                yield return Format(grade, f, withComment ? criterion.Comment : null);
            }
        }
    }

    private static string Category(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
