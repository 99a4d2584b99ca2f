using System.Text;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Text;
using MarkdigBlock = Markdig.Syntax.Block;

namespace RubricEngine.Reports.Html;

/// <summary>A finding as one student page numbers it (<c>#f-3</c>), with what the page says about it.</summary>
/// <param name="Number">Its number on the page, from 1.</param>
/// <param name="Finding">The finding.</param>
/// <param name="Label">"HW7-03 · −1 pt", shown on the highlight and in the side panel.</param>
public sealed record PageFinding(int Number, Finding Finding, string Label)
{
    /// <summary>The CSS classes of its highlight: severity, graded attempt or not, suppressed by an override.</summary>
    public string Classes =>
        "finding sev-" + Finding.Severity.ToString().ToLowerInvariant()
        + (Finding.IsGradedAttempt ? "" : " ungraded")
        + (Finding.Suppression is null ? "" : " suppressed");
}
