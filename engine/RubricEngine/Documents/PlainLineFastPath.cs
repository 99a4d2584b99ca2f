using System.Buffers;
using RubricEngine.Text;

namespace RubricEngine.Documents;

/// <summary>
/// Recognises messages Markdig would read as exactly one paragraph holding one run of literal text — a single line
/// that starts with a letter, ends with a non-blank character, and holds no character any of our block or inline
/// parsers reacts to — and builds that document directly. Nearly half of all messages (user prompts) are like this,
/// and a Markdig parse costs a fixed few KB and microseconds each. The test
/// <c>PlainLineFastPathTests</c> checks the result equals Markdig's on random and realistic text.
/// </summary>
internal static class PlainLineFastPath
{
    // Anything that could open an inline in our pipeline (emphasis, code, links and images, autolinks and HTML,
    // entities, escapes and LaTeX, dollar math, pipe tables; '~' for safety), every line break and tab. Block
    // starters ('#', '>', '-', '+', digits, fences, indentation) only count at the start of a line, which is a letter
    // here; setext underlines and table delimiter rows need a second line.
    private static readonly SearchValues<char> Disqualifying = SearchValues.Create("*_`[]!<&\\$|~\n\r\t");

    /// <summary>True when Markdig reads <paramref name="text"/> as one paragraph holding the whole text as one literal.</summary>
    public static bool IsPlain(string text)
    {
        if (text.Length == 0 || !char.IsLetter(text[0])) return false;
        var span = text.AsSpan();
        if (span.IndexOfAny(Disqualifying) >= 0) return false;
        var last = text[^1];
        if (char.IsWhiteSpace(last)) return false;
        // Other control and Unicode blank characters: rare, and Markdig's notion of blank differs from .NET's.
        foreach (var c in span)
            if (c < ' ' || (c != ' ' && c > '~' && (char.IsWhiteSpace(c) || char.IsControl(c)))) return false;
        return true;
    }

    /// <summary>The document Markdig would produce for <paramref name="text"/>, or null when not provably plain.</summary>
    public static MessageDocument? TryParse(string text)
    {
        if (!IsPlain(text)) return null;
        var whole = new TextSpan(0, text.Length);
        return new MessageDocument(text, [new Block(BlockKind.Paragraph, whole, 0, [new Inline(InlineKind.Text, whole, text)])]);
    }
}
