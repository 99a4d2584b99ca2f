using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// Counts words as a person would: whitespace-separated runs holding at least one letter or digit, read from the
/// parsed blocks (so markup, list markers, table pipes, heading hashes and emphasis are not words). An inline
/// formula or inline code span is one word; "$x$-axis" is one word.
/// </summary>
internal static class WordCounter
{
    // Private-use characters stand for a formula or a code span: one "letter" each.
    private const char Formula = '\uE000';
    private const char CodeSpan = '\uE001';
    private static readonly string FormulaText = Formula.ToString();
    private static readonly string CodeSpanText = CodeSpan.ToString();

    /// <summary>The spans (in the message) of each word of <paramref name="blocks"/>, in reading order.</summary>
    public static IReadOnlyList<TextSpan> Words(IEnumerable<Block> blocks, WordCountOptions? options = null)
    {
        options ??= new WordCountOptions();
        var counted = blocks.Where(b => b.Kind switch
        {
            BlockKind.Heading => options.IncludeHeadings,
            BlockKind.DisplayMath => options.IncludeMath,
            BlockKind.Code => options.IncludeCode,
            _ => true,
        });
        var view = ProseView.Build(counted, (block, inline) => (block.Kind, inline.Kind) switch
        {
            (BlockKind.DisplayMath, _) => FormulaText,
            (BlockKind.Code, _) => inline.Text,
            (_, InlineKind.Math) => FormulaText,
            (_, InlineKind.Code) => CodeSpanText,
            _ => null,
        });

        var words = new List<TextSpan>();
        var text = view.Text;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            var hasWordChar = false;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c) || c is Formula or CodeSpan) hasWordChar = true;
                i++;
            }
            if (i > start && hasWordChar) words.Add(view.SpanOf(start, i));
        }
        return words;
    }

    /// <summary>How many words <paramref name="blocks"/> hold.</summary>
    public static int Count(IEnumerable<Block> blocks, WordCountOptions? options = null) => Words(blocks, options).Count;
}
