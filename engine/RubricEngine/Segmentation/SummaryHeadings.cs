using RubricEngine.Documents;

namespace RubricEngine.Segmentation;

/// <summary>
/// Headings and short lead-in lines that introduce a closing recap ("### Summary", "**Final answers:**",
/// "Here is a summary:"). A recap restates answers; it is neither an answer nor a new attempt.
/// </summary>
internal static class SummaryHeadings
{
    private const int MaxWords = 10;

    private static readonly char[] TrailingMarkup = ['*', '_', ' '];

    private static readonly string[] Words = ["summary", "final answer", "recap", "at a glance", "tl;dr", "key results", "results table", "overview"];

    /// <param name="block">The candidate heading.</param>
    /// <param name="document">The message.</param>
    /// <param name="markers">The rubric's markers.</param>
    /// <param name="beforeTable">
    /// True when a table follows: then a plain line copied from a rendered page ("Problem 4 Summary") heads a recap
    /// too, marker or not, colon or not.
    /// </param>
    public static bool IsSummaryHeading(Block block, MessageDocument document, QuestionMarkers markers, bool beforeTable = false)
    {
        if (block.Kind is not (BlockKind.Heading or BlockKind.Paragraph)) return false;
        var text = block.PlainText.Trim();
        if (text.Length == 0 || ClosingRemarks.WordCount(text) > MaxWords) return false;
        var lead = markers.ReadLeadIn(text);
        // "Problem 4 Summary" over a table: a whole problem's recap. "(b) Summary." is part (b)'s answer.
        var plainLine = beforeTable && block.Kind == BlockKind.Paragraph && !text.Contains('\n') && !text.EndsWith('.')
            && (lead is null || (lead.Problem is not null && lead.Parts.Count == 0 && ClosingRemarks.WordCount(text[lead.Span.End..]) <= 3));
        // "### 4(b) Summary" heads the answer to 4(b), not a recap.
        if (!plainLine && lead is not null) return false;
        // A paragraph only counts as a heading when it introduces what follows ("Summary:"), not "Final answer: B".
        if (!plainLine && block.Kind == BlockKind.Paragraph && !text.TrimEnd(TrailingMarkup).EndsWith(':') && !IsWhollyBold(document.Slice(block.Span))) return false;
        foreach (var word in Words)
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsWhollyBold(string source)
    {
        source = source.Trim();
        return source.Length > 4 && ((source.StartsWith("**") && source.EndsWith("**")) || (source.StartsWith("__") && source.EndsWith("__")));
    }
}
