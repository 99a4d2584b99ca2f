using System.Text;
using RubricEngine.Checks.Latex;
using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// Math answers for RE0006: asymptotic bounds and other formulas written in TeX, Unicode or prose ("Θ(n log n)",
/// "$\Theta(n\lg n)$", "\mathcal{O}(n^2)"), compared after LaTeX normalization.
/// </summary>
internal static class MathAnswer
{
    /// <summary>An expected answer: its kind of expression ("Θ", "O", or "" for any formula) and normal form.</summary>
    internal sealed record Expected(string Head, string Normalized);

    /// <summary>An expression of an answer: its text as written, where it is, its kind and normal form.</summary>
    internal readonly record struct Candidate(string Text, TextSpan Span, string Head, string Normalized);

    private static readonly (string Token, string Head)[] Heads =
    [
        ("\\Theta", "Θ"), ("Θ", "Θ"), ("\\Omega", "Ω"), ("Ω", "Ω"), ("\\mathcal{O}", "O"), ("\\mathcal O", "O"),
        ("\\omega", "ω"), ("ω", "ω"), ("O", "O"), ("o", "o"),
    ];

    /// <summary>True when the key is a formula rather than a word or an option letter.</summary>
    public static bool IsMath(string key) =>
        key.Contains('\\') || key.AsSpan().IndexOfAny("ΘΩω^_") >= 0 || (Candidates(key, 0).Count == 1 && Candidates(key, 0)[0].Text.Length == key.Trim().Length);

    public static Expected Key(string key)
    {
        var found = Candidates(key, 0);
        return found.Count == 1 ? new Expected(found[0].Head, found[0].Normalized) : new Expected("", Normalize(key));
    }

    /// <summary>The last expression of one of <paramref name="heads"/> in the blocks (any formula when heads holds "").</summary>
    public static Candidate? Last(string message, IReadOnlyList<Block> blocks, IReadOnlySet<string> heads)
    {
        Candidate? last = null;
        foreach (var block in blocks)
        {
            if (block.Kind is BlockKind.Code or BlockKind.Html) continue;
            var length = Math.Min(block.Span.Length, 100_000);
            foreach (var c in Candidates(message.Substring(block.Span.Start, length), block.Span.Start))
                if (heads.Contains(c.Head)) last = c;
            if (heads.Contains(""))
                foreach (var segment in MathExtractor.Extract(message, [block]))
                    last = new Candidate(segment.Tex.Trim(), segment.Span, "", Normalize(segment.Tex));
        }
        return last;
    }

    /// <summary>Every "Θ(…)", "O(…)", "\Omega(…)" of <paramref name="text"/>, with balanced parentheses.</summary>
    public static List<Candidate> Candidates(string text, int offset)
    {
        var found = new List<Candidate>();
        var i = 0;
        while (i < text.Length)
        {
            var matched = false;
            foreach (var (token, head) in Heads)
            {
                if (string.CompareOrdinal(text, i, token, 0, token.Length) != 0) continue;
                // "O" and "o" stand alone: not the end of "TO(" or "\log(", nor a command.
                if (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || (token[0] != '\\' && text[i - 1] == '\\'))) continue;
                var k = i + token.Length;
                while (k < text.Length && text[k] is ' ' or '!' or ',' or '\\' && k - i < token.Length + 8)
                {
                    if (text[k] == '\\' && string.CompareOrdinal(text, k, "\\left", 0, 5) == 0) k += 5;
                    else if (text[k] == '\\' && k + 1 < text.Length && text[k + 1] is '!' or ',' or ' ') k += 2;
                    else if (text[k] == '\\') break;
                    else k++;
                }
                if (k >= text.Length || text[k] != '(') continue;
                var close = Close(text, k);
                if (close < 0) continue;
                var written = text[i..(close + 1)];
                found.Add(new Candidate(written, new TextSpan(offset + i, written.Length), head, Normalize(head + written[(k - i)..])));
                i = close + 1;
                matched = true;
                break;
            }
            if (!matched) i++;
        }
        return found;
    }

    private static int Close(string text, int open)
    {
        var depth = 0;
        for (var k = open; k < text.Length && k - open < 300; k++)
        {
            if (text[k] == '(') depth++;
            else if (text[k] == ')' && --depth == 0) return k;
        }
        return -1;
    }

    /// <summary>Prose and Unicode to TeX, then the normal form: "Θ(n log n)", "\Theta(n\lg n)" → one key.</summary>
    internal static string Normalize(string math)
    {
        var t = new StringBuilder(math.Length + 8);
        var i = 0;
        while (i < math.Length)
        {
            var c = math[i];
            if (char.IsLetter(c))
            {
                var j = i;
                while (j < math.Length && char.IsAsciiLetter(math[j])) j++;
                if (j == i) j = i + 1;
                var word = math.AsSpan(i, j - i);
                var command = i > 0 && math[i - 1] == '\\';
                if (word is "log" or "lg" or "ln") t.Append(command ? "log " : "\\log ");
                else if (command && word is "right" or "left" or "mathcal" or "big" or "Big" or "bigl" or "bigr") t.Length--; // sizing: drop the command
                else if (word is "Θ") t.Append("\\Theta ");
                else if (word is "Ω") t.Append("\\Omega ");
                else if (word is "ω") t.Append("\\omega ");
                else t.Append(word);
                i = j;
                continue;
            }
            t.Append(c switch { '·' or '⋅' => ' ', _ => c });
            i++;
        }
        var tex = t.ToString().Replace("\\\\", "\\", StringComparison.Ordinal).Replace("\\ ", " ", StringComparison.Ordinal);
        return LatexNormalizer.Default.Normalize(tex);
    }
}
