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

    public static bool IsSummaryHeading(Block block, MessageDocument document, QuestionMarkers markers)
    {
        if (block.Kind is not (BlockKind.Heading or BlockKind.Paragraph)) return false;
        var text = block.PlainText.Trim();
        if (text.Length == 0 || ClosingRemarks.WordCount(text) > MaxWords) return false;
        // "### 4(b) Summary" heads the answer to 4(b), not a recap.
        if (markers.ReadLeadIn(text) is not null) return false;
        // A paragraph only counts as a heading when it introduces what follows ("Summary:"), not "Final answer: B".
        if (block.Kind == BlockKind.Paragraph && !text.TrimEnd(TrailingMarkup).EndsWith(':') && !IsWhollyBold(document.Slice(block.Span))) return false;
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
