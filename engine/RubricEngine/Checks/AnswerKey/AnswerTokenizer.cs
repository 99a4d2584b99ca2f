using System.Buffers;
using System.Text;
using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// Splits the source text of blocks into tokens the same way whether the words are prose, code or TeX:
/// <c>\text{&lt;sos&gt;}</c>, <c>\langle sos \rangle</c>, <c>⟨sos⟩</c>, <c>&amp;lt;sos&amp;gt;</c> and <c>&lt;sos&gt;</c> are all "&lt;sos&gt;".
/// Reads the raw Markdown because a parser drops <c>&lt;sos&gt;</c> as an HTML tag.
/// </summary>
internal static class AnswerTokenizer
{
    private const int MaxBlockLength = 200_000;

    public static List<AnswerToken> Tokenize(string message, IEnumerable<Block> blocks)
    {
        var tokens = new List<AnswerToken>();
        foreach (var block in blocks)
        {
            var span = block.Span;
            var length = Math.Min(span.Length, MaxBlockLength);
            Tokenize(message.AsSpan(span.Start, length), span.Start, tokens);
        }
        return tokens;
    }

    /// <summary>Tokens of a rubric's expected text, without spans.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<AnswerToken>();
        Tokenize(text, 0, tokens);
        return tokens.Select(t => t.Text).ToList();
    }

    private static void Tokenize(ReadOnlySpan<char> raw, int offset, List<AnswerToken> tokens)
    {
        // First pass: TeX and entities to plain characters, keeping where each came from.
        // Runs for every block of every answer of Sequence and Mentions: the origin map is a pooled array (one entry
        // per character written, at most raw.Length + 1) and each word is lower-cased straight into its own string.
        var text = new StringBuilder(raw.Length);
        var originBuffer = ArrayPool<int>.Shared.Rent(raw.Length + 1);
        try
        {
            Tokenize(raw, offset, tokens, text, originBuffer);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(originBuffer);
        }
    }

    private static void Tokenize(ReadOnlySpan<char> raw, int offset, List<AnswerToken> tokens, StringBuilder text, int[] originBuffer)
    {
        var origin = new OriginMap(originBuffer);
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c == '\\')
            {
                var j = i + 1;
                while (j < raw.Length && char.IsAsciiLetter(raw[j])) j++;
                var name = raw[(i + 1)..j];
                var mapped = name switch { "langle" or "lt" => '<', "rangle" or "gt" => '>', _ => ' ' };
                text.Append(mapped);
                origin.Add(offset + i);
                i = Math.Max(j, i + 1);
                continue;
            }
            if (c == '&')
            {
                if (raw[i..].StartsWith("&lt;")) { text.Append('<'); origin.Add(offset + i); i += 4; continue; }
                if (raw[i..].StartsWith("&gt;")) { text.Append('>'); origin.Add(offset + i); i += 4; continue; }
            }
            text.Append(c switch { '⟨' or '〈' => '<', '⟩' or '〉' => '>', _ => c });
            origin.Add(offset + i);
            i++;
        }
        origin.Add(offset + raw.Length);

        // Second pass: "<word>" special tokens and words.
        var s = text.ToString();
        var k = 0;
        var depth = 0;
        while (k < s.Length)
        {
            if (s[k] == '<' && TrySpecial(s, k, out var special, out var end))
            {
                tokens.Add(new AnswerToken(special, TextSpan.FromBounds(origin[k], origin[end - 1] + 1), depth > 0));
                k = end;
                continue;
            }
            if (IsWordChar(s[k]))
            {
                var start = k;
                while (k < s.Length && (IsWordChar(s[k]) || (s[k] == '\'' && k + 1 < s.Length && char.IsLetter(s[k + 1])))) k++;
                tokens.Add(new AnswerToken(Lower(s.AsSpan(start, k - start)), TextSpan.FromBounds(origin[start], origin[k - 1] + 1), depth > 0));
                continue;
            }
            if (s[k] == '(') depth++;
            else if (s[k] == ')' && depth > 0) depth--;
            else if (s[k] == '\n') depth = 0; // a stray "(" does not hide the rest of the answer
            k++;
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static string Lower(ReadOnlySpan<char> word) =>
        string.Create(word.Length, word, static (chars, w) => w.ToLowerInvariant(chars));

    /// <summary>Append-only view of a pooled array, shaped like the list it replaces.</summary>
    private ref struct OriginMap(int[] items)
    {
        private int _count;

        public void Add(int value) => items[_count++] = value;

        public readonly int this[int index] => index < _count ? items[index] : throw new ArgumentOutOfRangeException(nameof(index));
    }

    private static bool TrySpecial(string s, int at, out string token, out int end)
    {
        token = "";
        end = at;
        var k = at + 1;
        while (k < s.Length && k - at < 8 && s[k] is ' ' or '{' or '}' or '$') k++;
        var wordStart = k;
        while (k < s.Length && k - wordStart < 24 && (IsWordChar(s[k]) || s[k] == '/')) k++;
        if (k == wordStart) return false;
        var word = s[wordStart..k];
        while (k < s.Length && k - at < 48 && s[k] is ' ' or '{' or '}' or '$') k++;
        if (k >= s.Length || s[k] != '>') return false;
        token = "<" + word.ToLowerInvariant() + ">";
        end = k + 1;
        return true;
    }
}
