using RubricEngine.Documents;

namespace RubricEngine.Segmentation;

/// <summary>
/// The pleasantries a model ends on ("Let me know if you'd like more detail!"): not part of any answer, so they
/// neither count toward word limits nor make a "thanks" → "you're welcome" exchange an attempt.
/// </summary>
internal static class ClosingRemarks
{
    private const int MaxWords = 40;

    // Held once: a params char[] argument is a new array on every call, and this runs for every paragraph.
    private static readonly char[] LeadingMarkup = [' ', '*', '_', '>', '\t'];

    private static readonly string[] Openings =
    [
        "let me know", "if you'd like", "if you would like", "if you want", "if you need", "hope this helps",
        "i hope this helps", "hope that helps", "feel free", "would you like", "do you want me", "want me to",
        "happy to help", "glad to help", "good luck", "shall i", "you're welcome", "you are welcome", "any other questions",
    ];

    public static bool IsClosing(Block block)
    {
        if (block.Kind != BlockKind.Paragraph) return false;
        var text = block.PlainText.TrimStart(LeadingMarkup);
        if (WordCount(text) > MaxWords) return false;
        foreach (var opening in Openings)
            if (text.StartsWith(opening, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    internal static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var word = !char.IsWhiteSpace(c);
            if (word && !inWord) count++;
            inWord = word;
        }
        return count;
    }
}
