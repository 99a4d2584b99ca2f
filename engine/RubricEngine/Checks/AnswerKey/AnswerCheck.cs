using System.Text.RegularExpressions;
using Humanizer;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// RE0006: the answer's stated final answer is the expected one. "Stated" means a conclusion, not a mention:
/// <c>\boxed{B}</c>, "Answer: B", "The answer is (B)", "Final answer: nn.MSELoss", a bold option line ("**B**"),
/// a recommendation of one code name ("Use `nn.MSELoss`"), or an answer that is nothing but the answer. The last such statement counts, so an answer that weighs A, B
/// and C and concludes "Answer: C" answers C. Score 1 or 0.
/// </summary>
public sealed partial class AnswerCheck : IBuiltInCheck
{
    /// <summary>RE0006's catalog entry: its id, name, title and doc page are written here and nowhere else.</summary>
    public static BuiltInRule Rule { get; } = new(
        "RE0006", "Answer", "Answer key",
        "The stated final answer (not a mere mention) is the expected one.",
        "AnswerKey/RE0006.md");

    BuiltInRule IBuiltInCheck.Rule => Rule;

    private const int MaxStatement = 200;
    private readonly string[] _accepted;

    public AnswerCheck(string expected, params string[] alternatives)
    {
        _accepted = new[] { expected }.Concat(alternatives).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToArray();
        if (_accepted.Length == 0) throw new RubricDefinitionException("Answer: give the expected answer, e.g. .Answer(\"B\").");
        _math = _accepted.Where(MathAnswer.IsMath).Select(a => MathAnswer.Key(a)).ToList();
    }

    private readonly List<MathAnswer.Expected> _math;

    /// <summary>
    /// A math key (<c>\Theta(n \log n)</c>): the reply's result is its stated answer ("Answer:", boxed, a summary row)
    /// when it has one, else the last expression of the same kind it writes (the last Θ(…) for a Θ key, in prose,
    /// Unicode or TeX); it matches after LaTeX normalization.
    /// </summary>
    private CheckResult EvaluateMath(Answer answer)
    {
        var heads = _math.Select(m => m.Head).ToHashSet(StringComparer.Ordinal);
        MathAnswer.Candidate? result = null;
        if (FindStatement(answer, optionAnswer: false) is { } st)
            result = MathAnswer.Candidates(st.Text, st.Span.Start).LastOrDefault(c => heads.Contains(c.Head));
        result ??= MathAnswer.Last(answer.Document.Text, answer.Blocks, heads) ?? MathAnswer.Last(answer.Document.Text, answer.Segment.Restatements, heads);
        var expected = _accepted[0];
        if (result is not { } r)
            return CheckResult.Fail($"No final answer of the form {expected} is stated; the expected answer is {expected}.");
        if (_math.Any(m => m.Normalized == r.Normalized))
            return CheckResult.Pass($"The stated answer is {r.Text}.");
        return CheckResult.Fail($"The stated result is {r.Text}; the expected answer is {expected}.",
            new Evidence(r.Span, $"The result stated here is {r.Text}, not {expected}."));
    }

    // Backtracking engine on purpose: these patterns are linear (no nested or adjacent unbounded quantifiers over the
    // same characters), and the source generator compiles backtracking patterns ahead of time, whereas a
    // NonBacktracking one builds its automaton at run time on first use (~0.1 s of a one-trace run).
    [GeneratedRegex(@"\\boxed\s*\{", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boxed();

    [GeneratedRegex(@"\b(final\s+answer|correct\s+answer|correct\s+option|correct\s+choice|answer)\b[*_\s)]{0,6}(is\b|would\s+be\b|:|=)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    // "Use `nn.MSELoss`", "I'd pick `torch.optim.Adam`": a recommendation of one code name is a stated answer.
    [GeneratedRegex(@"\b(use|choose|pick|select|recommend)\s+(the\s+)?`[^`\n]{1,80}`", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Recommendation();

    [GeneratedRegex(@"\b[A-H]\b", RegexOptions.CultureInvariant)]
    private static partial Regex OptionLetter();

    /// <summary>The final answer stated in <paramref name="answer"/>: its text and span, or null.</summary>
    /// <param name="answer">The answer.</param>
    /// <param name="optionAnswer">True when the key is an option letter: a statement must then name one.</param>
    internal static (string Text, TextSpan Span)? FindStatement(Answer answer, bool optionAnswer) =>
        FindStatement(answer.Document.Text, answer.Blocks, optionAnswer, answer.Question)
        ?? FindStatement(answer.Document.Text, answer.Segment.Restatements, optionAnswer, answer.Question);

    private static (string Text, TextSpan Span)? FindStatement(string message, IReadOnlyList<Block> blocks, bool optionAnswer, QuestionPath question)
    {
        (string, TextSpan)? labelled = null;
        (string, TextSpan)? bold = null;
        (string, TextSpan)? recommended = null;
        var pending = false; // "Final answer:" closing a block: the statement is the next block
        bool Fits(string text) => Strip(text).Length > 0 && (!optionAnswer || OptionStart(text) is not null);
        foreach (var block in blocks)
        {
            if (block.Kind is BlockKind.Code or BlockKind.Html or BlockKind.ThematicBreak) continue;
            var raw = message.AsSpan(block.Span.Start, Math.Min(block.Span.Length, 100_000)).ToString();
            if (pending)
            {
                pending = false;
                var firstLine = raw.Split('\n')[0];
                if (Fits(firstLine)) labelled = (firstLine, new TextSpan(block.Span.Start, firstLine.Length));
            }
            foreach (var m in Boxed().EnumerateMatches(raw))
            {
                var start = m.Index + m.Length;
                var end = MatchingBrace(raw, start);
                if (end > start && Fits(raw[start..end])) labelled = (raw[start..end], new TextSpan(block.Span.Start + start, end - start));
            }
            foreach (var m in Label().EnumerateMatches(raw))
            {
                var start = m.Index + m.Length;
                var end = start;
                while (end < raw.Length && end - start < MaxStatement && raw[end] is not ('\n' or '\r')) end++;
                // The statement's span covers the answer itself, not the space before it or the full stop after.
                while (start < end && char.IsWhiteSpace(raw[start])) start++;
                while (end > start && (char.IsWhiteSpace(raw[end - 1]) || raw[end - 1] is '.' or ';' or ',')) end--;
                var text = raw[start..end];
                if (Fits(text)) labelled = (text, new TextSpan(block.Span.Start + start, end - start));
                else if (Strip(text).Length == 0 && end >= raw.TrimEnd().Length) pending = true;
            }
            // A table with an "Answer" column (a closing summary): the answer on the row of this question ("1(b)",
            // "(b)", "Q1b"), else the last row's.
            if (block.Kind == BlockKind.Table && block.Cells.Count > 1)
            {
                var column = -1;
                for (var c = 0; c < block.Cells[0].Count; c++)
                    if (block.Cells[0][c].Contains("answer", StringComparison.OrdinalIgnoreCase)) column = c;
                var row = block.Cells[^1];
                for (var r = 1; r < block.Cells.Count; r++)
                    if (block.Cells[r].Count > 0 && NamesQuestion(block.Cells[r][0], question)) row = block.Cells[r];
                var cell = column >= 0 && column < row.Count ? row[column] : "";
                var at = cell.Length > 0 ? raw.LastIndexOf(cell, StringComparison.Ordinal) : -1;
                if (Fits(cell)) labelled = (cell, at >= 0 ? new TextSpan(block.Span.Start + at, cell.Length) : block.Span);
            }
            if (!optionAnswer && block.Kind is BlockKind.Paragraph or BlockKind.ListItem)
            {
                foreach (var m in Recommendation().EnumerateMatches(raw))
                {
                    var open = raw.IndexOf('`', m.Index);
                    var code = raw[open..(m.Index + m.Length)];
                    if (Fits(code)) recommended = (code, new TextSpan(block.Span.Start + open, code.Length));
                }
            }
            if (block.Kind is BlockKind.Paragraph or BlockKind.ListItem && raw.TrimStart().StartsWith("**", StringComparison.Ordinal))
            {
                var inner = raw.TrimStart()[2..];
                var close = inner.IndexOf("**", StringComparison.Ordinal);
                var content = close < 0 ? inner : inner[..close];
                if (content.Length <= MaxStatement && OptionStart(content) is not null)
                    bold = (content, new TextSpan(block.Span.Start + raw.IndexOf(content, StringComparison.Ordinal), content.Length));
                else if (PartLabel.Strip(raw) is ({ } rest, > 0 and var skipped))
                {
                    // "**3(a)** B", "**(a)** **B**": the answer after the part's label, when it is short or an option.
                    var line = rest.Split('\n')[0].TrimEnd();
                    var statement = line.Length <= 40 ? line : OptionStart(line) is not null ? line : null;
                    if (statement is not null && Fits(statement)) bold = (statement, new TextSpan(block.Span.Start + skipped, statement.Length));
                }
            }
        }
        if (labelled is not null) return labelled;
        if (bold is not null) return bold;
        if (recommended is not null) return recommended;

        // An answer that is only the answer ("B", "`nn.MSELoss`").
        var prose = blocks.Where(b => b.Kind is BlockKind.Paragraph or BlockKind.ListItem).ToList();
        if (prose.Count == 1 && prose[0].Span.Length <= 40)
        {
            var (only, skipped) = PartLabel.Strip(message.Substring(prose[0].Span.Start, prose[0].Span.Length));
            return (only, new TextSpan(prose[0].Span.Start + skipped, only.Length));
        }
        return null;
    }

    /// <summary>A table row's first cell names the question: "1(b)", "(b)", "Q1b", "Part 1.b" for 1.b.</summary>
    private static bool NamesQuestion(string cell, QuestionPath question)
    {
        var squashed = new string(cell.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        foreach (var prefix in new[] { "problem", "question", "part", "q" })
            if (squashed.StartsWith(prefix, StringComparison.Ordinal) && squashed.Length > prefix.Length && char.IsAsciiDigit(squashed[prefix.Length])) squashed = squashed[prefix.Length..];
        if (squashed.Length == 0) return false;
        var path = question.ToString().Split('.');
        for (var from = 0; from < path.Length; from++)
            if (squashed == string.Concat(path[from..]).ToLowerInvariant()) return true;
        return false;
    }

    private static int MatchingBrace(string s, int start)
    {
        var depth = 1;
        for (var i = start; i < s.Length && i - start < MaxStatement; i++)
        {
            if (s[i] == '{') depth++;
            else if (s[i] == '}' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The option letter a statement opens with: "B", "(B) 0.5", "**B.** Foo", "Option B", "\text{B}".</summary>
    private static string? OptionStart(string statement)
    {
        var s = Strip(statement);
        if (s.StartsWith("option ", StringComparison.OrdinalIgnoreCase) || s.StartsWith("choice ", StringComparison.OrdinalIgnoreCase))
            s = s[7..].TrimStart();
        if (s.Length == 0 || s[0] is < 'A' or > 'H') return null;
        if (s.Length > 1 && char.IsLetterOrDigit(s[1])) return null;
        return s[..1];
    }

    private static readonly char[] TrailingPunctuation = ['.', ':', ';', ','];

    /// <summary>Markup and TeX wrappers removed: "**(B)**" → "B", "\text{nn.MSELoss}" → "nn.MSELoss".</summary>
    private static string Strip(string statement)
    {
        var s = statement.Replace("\\text", "", StringComparison.Ordinal).Replace("\\mathrm", "", StringComparison.Ordinal);
        var chars = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
            if (c is not ('*' or '_' or '`' or '$' or '(' or ')' or '[' or ']' or '{' or '}' or '"' or '\'')) chars.Append(c);
        return chars.ToString().Trim().TrimEnd(TrailingPunctuation).Trim();
    }

    public CheckResult Evaluate(Answer answer)
    {
        if (_math.Count > 0) return EvaluateMath(answer);
        var statement = FindStatement(answer, IsOption(_accepted[0]));
        var expected = _accepted[0];
        if (statement is not { } st)
        {
            var mentioned = IsOption(expected) ? MentionedOptions(answer) : [];
            var also = mentioned.Count > 1 ? $" It discusses {mentioned.Humanize("and")} without concluding." : "";
            return CheckResult.Fail($"No final answer is stated (such as \"Answer: …\", \"The answer is …\", a bold option or \\boxed{{…}}); the expected answer is {expected}.{also}");
        }
        var stated = Describe(st.Text);
        if (_accepted.Any(a => Matches(st.Text, a)))
            return CheckResult.Pass($"The stated answer is {stated}.");
        return CheckResult.Fail($"The stated final answer is {stated}; the expected answer is {expected}.",
            new Evidence(st.Span, $"The final answer stated here is {stated}, not {expected}."));
    }

    private static bool IsOption(string expected) => Strip(expected) is { Length: 1 } s && s[0] is >= 'A' and <= 'Z';

    private static string Describe(string statement)
    {
        var option = OptionStart(statement);
        if (option is not null) return option;
        var s = Strip(statement);
        return s.Length <= 60 ? s : s[..59] + "…";
    }

    private static bool Matches(string statement, string expected)
    {
        if (IsOption(expected))
            return string.Equals(OptionStart(statement), Strip(expected), StringComparison.OrdinalIgnoreCase);
        var s = Normalize(statement);
        var e = Normalize(expected);
        if (e.Length == 0) return false;
        for (var at = s.IndexOf(e, StringComparison.Ordinal); at >= 0; at = s.IndexOf(e, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !IsNameChar(s[at - 1]);
            var after = at + e.Length >= s.Length || !IsNameChar(s[at + e.Length]);
            if (before && after) return true;
        }
        return false;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.';

    /// <summary>Lower case, markup gone, "torch." and "()" dropped: "`torch.nn.MSELoss()`" → "nn.mseloss".</summary>
    private static string Normalize(string s)
    {
        var t = Strip(s).ToLowerInvariant().Replace("()", "", StringComparison.Ordinal).Replace("torch.", "", StringComparison.Ordinal);
        return t.Trim();
    }

    private static List<string> MentionedOptions(Answer answer)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var block in answer.Blocks)
        {
            var raw = answer.Document.Slice(block.Span);
            if (raw.Length > 100_000) raw = raw[..100_000];
            foreach (var m in OptionLetter().EnumerateMatches(raw))
            {
                // A capital standing alone in parentheses or bold, or "option X".
                var before = m.Index > 0 ? raw[m.Index - 1] : ' ';
                var after = m.Index + 1 < raw.Length ? raw[m.Index + 1] : ' ';
                if (before is '(' or '*' && after is ')' or '*' or '.') found.Add(raw.Substring(m.Index, 1));
            }
        }
        return found.ToList();
    }

    public string Describe() => Rule.Describe($": the stated final answer is {string.Join(" or ", _accepted)}");
}
