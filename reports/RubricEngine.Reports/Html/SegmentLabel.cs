using System.Text;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Text;
using MarkdigBlock = Markdig.Syntax.Block;

namespace RubricEngine.Reports.Html;

/// <summary>A label shown where an answer segment starts: question, attempt, graded or not.</summary>
/// <param name="Start">Where the segment starts in the message.</param>
/// <param name="Html">The label's HTML (already escaped).</param>
public sealed record SegmentLabel(int Start, string Html);
