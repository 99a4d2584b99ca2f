using System.Globalization;
using System.Text;

namespace RubricEngine.Checks.Latex;

/// <summary>
/// Splits TeX math into tokens in one left-to-right pass (no regexes, no recursion). Style wrappers
/// (<c>\mathbf</c>, <c>\boldsymbol</c>, <c>\mathrm</c> …) and spacing (<c>\,</c>, <c>\quad</c> inside groups) vanish
/// here, so later stages never see them.
/// </summary>
internal static class LatexTokenizer
{
    // Commands whose argument is just styling: \mathbf{X} is X.
    private static readonly HashSet<string> StyleCommands = new(StringComparer.Ordinal)
    {
        "mathbf", "boldsymbol", "bm", "mathit", "mathrm", "mathsf", "mathnormal", "textbf", "textit", "pmb", "bold",
        "mathbfit", "symbf", "boxed", "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits",
    };

    // Spacing and sizing commands: no meaning for comparison.
    private static readonly HashSet<string> IgnoredCommands = new(StringComparer.Ordinal)
    {
        ",", ";", ":", "!", " ", ">", "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
        "biggl", "biggr", "Biggl", "Biggr", "middle", "nonumber", "notag", "label", "hspace", "vspace", "phantom",
        "allowbreak", "nobreak", "centering",
    };

    // Commands that read their braced argument as raw text.
    private static readonly HashSet<string> TextCommands = new(StringComparer.Ordinal)
    {
        "text", "textrm", "textsf", "texttt", "mbox", "operatorname", "operatorname*", "mathop", "textnormal", "hbox",
    };

    // Words that join statements: "A = 0 \text{and} B = 0".
    private static readonly HashSet<string> SeparatorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "where", "for", "with", "if", "since", "so", "then", "thus", "hence", "i.e", "s.t", "otherwise", "when", "because", "gives", "yields",
    };

    /// <summary>Function names, however spelled (<c>\operatorname{Tr}</c>, <c>\text{tr}</c>, <c>\tr</c>), and their canonical form.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Functions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tr"] = "tr", ["Tr"] = "tr", ["trace"] = "tr", ["Trace"] = "tr", ["TR"] = "tr",
        ["diag"] = "diag", ["det"] = "det", ["rank"] = "rank", ["vec"] = "vec",
        ["log"] = "log", ["ln"] = "ln", ["exp"] = "exp", ["sin"] = "sin", ["cos"] = "cos", ["tanh"] = "tanh",
        ["softmax"] = "softmax", ["max"] = "max", ["min"] = "min", ["argmax"] = "argmax", ["argmin"] = "argmin",
        ["arg"] = "arg", ["sqrt"] = "sqrt",
    };

    public static List<LatexToken> Tokenize(string text)
    {
        var tokens = new List<LatexToken>();
        var i = 0;
        // \boxed{a = b} is the statement a = b: its braces are dropped (depths at which a brace closes a box).
        var depth = 0;
        var boxes = new Stack<int>();
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '~' || char.IsControl(c)) { i++; continue; }
            if (c == '%') { while (i < text.Length && text[i] != '\n') i++; continue; } // TeX comment
            if (c == '\\')
            {
                if (string.CompareOrdinal(text, i, "\\boxed", 0, 6) == 0)
                {
                    var j = i + 6;
                    while (j < text.Length && text[j] == ' ') j++;
                    if (j < text.Length && text[j] == '{')
                    {
                        boxes.Push(depth++);
                        i = j + 1;
                        continue;
                    }
                }
                i = ReadCommand(text, i, tokens);
                continue;
            }
            if (c == '{') depth++;
            if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
                if (boxes.Count > 0 && boxes.Peek() == depth)
                {
                    boxes.Pop();
                    i++;
                    continue;
                }
            }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))) i++;
                tokens.Add(new LatexToken(TokenKind.Number, text[start..i]));
                continue;
            }
            if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
                var run = text[start..i];
                if (run.Length > 1 && Functions.TryGetValue(run, out var fn)) tokens.Add(new LatexToken(TokenKind.Function, fn));
                else foreach (var letter in run) tokens.Add(new LatexToken(TokenKind.Letter, letter.ToString()));
                continue;
            }
            if (c == '|' && i + 1 < text.Length && text[i + 1] == '|')
            {
                tokens.Add(new LatexToken(TokenKind.Command, "\\|"));
                i += 2;
                continue;
            }
            i++;
            switch (c)
            {
                case '\u2212' or '\u2013': tokens.Add(new LatexToken(TokenKind.Symbol, "-")); break; // − and – typed as minus
                case '\u22A4' or '\u1D40': tokens.Add(new LatexToken(TokenKind.Symbol, "^")); tokens.Add(new LatexToken(TokenKind.Command, "\\top")); break; // ⊤, ᵀ
                case '\u00B7' or '\u22C5': tokens.Add(new LatexToken(TokenKind.Command, "\\cdot")); break;
                case '\u00D7': tokens.Add(new LatexToken(TokenKind.Command, "\\times")); break;
                case '\u21D2' or '\u27F9': tokens.Add(new LatexToken(TokenKind.Command, "\\Rightarrow")); break;
                case '\u21D4' or '\u27FA': tokens.Add(new LatexToken(TokenKind.Command, "\\Leftrightarrow")); break;
                case '\u2264': tokens.Add(new LatexToken(TokenKind.Command, "\\leq")); break;
                case '\u2265': tokens.Add(new LatexToken(TokenKind.Command, "\\geq")); break;
                case '\u2225' or '\u2016': tokens.Add(new LatexToken(TokenKind.Command, "\\|")); break;
                case '\u2234': tokens.Add(new LatexToken(TokenKind.Command, "\\therefore")); break;
                default:
                    if (char.IsLetter(c)) tokens.Add(new LatexToken(TokenKind.Letter, c.ToString()));
                    else if (char.IsHighSurrogate(c) && i < text.Length && char.IsLowSurrogate(text[i]))
                    {
                        tokens.Add(new LatexToken(TokenKind.Letter, string.Concat(c, text[i])));
                        i++;
                    }
                    else if (!char.IsSurrogate(c)) tokens.Add(new LatexToken(TokenKind.Symbol, c.ToString()));
                    break;
            }
        }
        return tokens;
    }

    private static int ReadCommand(string text, int i, List<LatexToken> tokens)
    {
        var start = i + 1;
        if (start >= text.Length) return start;
        var end = start;
        if (char.IsAsciiLetter(text[start]))
        {
            while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
            if (end < text.Length && text[end] == '*') end++;
        }
        else end = start + 1;
        var name = text[start..end];
        i = end;

        if (StyleCommands.Contains(name) || IgnoredCommands.Contains(name))
        {
            // \label{…}, \hspace{…}, \phantom{…}: drop the argument too.
            if (name is "label" or "hspace" or "vspace" or "phantom") return SkipGroup(text, i, out _);
            // \mathrm{tr}: a function name in a style wrapper.
            if (i < text.Length && text[i] == '{')
            {
                var after = SkipGroup(text, i, out var styled);
                if (Functions.TryGetValue(styled.Trim(), out var styledFunction))
                {
                    tokens.Add(new LatexToken(TokenKind.Function, styledFunction));
                    return after;
                }
            }
            return i;
        }
        if (TextCommands.Contains(name))
        {
            i = SkipGroup(text, i, out var arg);
            var content = arg.Trim();
            if (Functions.TryGetValue(content, out var fn)) tokens.Add(new LatexToken(TokenKind.Function, fn));
            else if (content.Length == 1 && char.IsLetter(content[0])) tokens.Add(new LatexToken(TokenKind.Letter, content));
            else if (content.Length > 0 && name.StartsWith("operatorname", StringComparison.Ordinal)) tokens.Add(new LatexToken(TokenKind.Function, content));
            else if (content.Length > 0 && !content.Any(char.IsWhiteSpace) && !SeparatorWords.Contains(content.TrimEnd('.', ',', ':')))
                tokens.Add(new LatexToken(TokenKind.Letter, "\\text{" + content + "}")); // \text{loss}: one name
            else if (content.Length > 0) tokens.Add(new LatexToken(TokenKind.Text, CollapseSpaces(content)));
            return i;
        }
        if (name == "tag" || name == "tag*")
        {
            i = SkipGroup(text, i, out var arg);
            tokens.Add(new LatexToken(TokenKind.Tag, arg.Trim()));
            return i;
        }
        if (name is "begin" or "end")
        {
            // Environments (aligned, align*, cases, pmatrix …): the markers go; \\ and & inside stay.
            return SkipGroup(text, i, out _);
        }
        if (Functions.TryGetValue(name, out var function) && name != "vec" && name != "sqrt")
        {
            tokens.Add(new LatexToken(TokenKind.Function, function));
            return i;
        }
        tokens.Add(new LatexToken(TokenKind.Command, "\\" + name));
        return i;
    }

    /// <summary>Reads a braced argument (or one character when there is no brace) without recursion.</summary>
    private static int SkipGroup(string text, int i, out string content)
    {
        while (i < text.Length && text[i] == ' ') i++;
        if (i >= text.Length) { content = ""; return i; }
        if (text[i] != '{')
        {
            content = text[i].ToString();
            return i + 1;
        }
        var depth = 0;
        var start = i + 1;
        for (; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && --depth == 0)
            {
                content = text[start..i];
                return i + 1;
            }
        }
        content = text[start..];
        return text.Length;
    }

    private static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch)) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); }
            else sb.Append(ch);
        }
        return sb.ToString().Trim().ToString(CultureInfo.InvariantCulture);
    }
}
