using RubricEngine.Rubrics;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// RE0007: the expected tokens appear in the answer in order, as one contiguous run, whether written in prose,
/// code or math (<c>[&lt;sos&gt;, I, see, a, dog]</c>, <c>\text{&lt;sos&gt;} I see a dog</c>). Case and punctuation
/// between tokens do not matter. Score 1 or 0; on failure the comment says what was found instead.
/// </summary>
public sealed class SequenceCheck : IBuiltInCheck
{
    /// <summary>RE0007's catalog entry: its id, name, title and doc page are written here and nowhere else.</summary>
    public static BuiltInRule Rule { get; } = new(
        "RE0007", "Sequence", "Token sequence",
        "Expected tokens appear in order as one run, in prose, code or math.",
        "AnswerKey/RE0007.md");

    BuiltInRule IBuiltInCheck.Rule => Rule;

    private readonly string[] _expected;
    private readonly string[] _display;
    private readonly HashSet<string> _expectedSet;

    public SequenceCheck(IEnumerable<string> tokens)
    {
        _display = tokens.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToArray();
        _expected = _display.SelectMany(AnswerTokenizer.Tokenize).ToArray();
        _expectedSet = _expected.ToHashSet(StringComparer.Ordinal);
        if (_expected.Length == 0) throw new RubricDefinitionException("Sequence: give at least one token, e.g. .Sequence(\"<sos>\", \"I\", \"see\").");
    }

    public CheckResult Evaluate(Answer answer)
    {
        var tokens = AnswerTokenizer.Tokenize(answer.Document.Text, answer.Blocks);
        if (answer.Segment.Restatements.Count > 0)
            tokens.AddRange(AnswerTokenizer.Tokenize(answer.Document.Text, answer.Segment.Restatements));
        var m = _expected.Length;

        // Longest run of tokens from p equal to expected[k..k+len), stepping over what a list of formulas puts between
        // the tokens ("1. $w_1 = \text{<sos>}$ (Start of Sequence)", "2. $w_2 = \text{I}$"): item numbers,
        // subscripted names and parenthesized glosses. A full match has len == m.
        int bestP = -1, bestK = 0, bestLen = 0, bestLast = -1;
        for (var p = 0; p < tokens.Count; p++)
        {
            for (var k = 0; k < m; k++)
            {
                if (tokens[p].Text != _expected[k]) continue;
                var len = 1;
                var last = p;
                for (var q = p + 1; len < m - k && q < tokens.Count; q++)
                {
                    if (tokens[q].Text == _expected[k + len]) { len++; last = q; }
                    else if (!IsBetweenTokens(tokens[q])) break;
                }
                if (len > bestLen || (len == bestLen && k < bestK))
                {
                    (bestP, bestK, bestLen, bestLast) = (p, k, len, last);
                    if (len == m) return CheckResult.Pass($"Found {Quote(_display)} in order.");
                }
            }
        }

        var wanted = Quote(_display);
        if (bestLen == 0 || (bestLen == 1 && m > 2))
            return CheckResult.Fail($"Expected the sequence {wanted}; it does not appear in the answer.");

        var run = TextSpan.FromBounds(tokens[bestP].Span.Start, tokens[bestLast].Span.End);
        // The tokens as read, not the raw slice: a slice of "`I`, `see`, `a`" cuts its outer backticks and reads as "I`, `see`, `a".
        var found = string.Join(' ', tokens.Skip(bestP).Take(bestLast - bestP + 1).Select(t => answer.Document.Slice(t.Span)));
        string why;
        if (bestK > 0)
            why = $"the sequence starts with '{_expected[bestK]}', not '{_expected[0]}'";
        else
        {
            var after = bestLast + 1;
            while (after < tokens.Count && IsBetweenTokens(tokens[after])) after++;
            var next = after < tokens.Count ? $"'{tokens[after].Text}'" : "nothing";
            why = $"after '{_expected[bestLen - 1]}' comes {next}, not '{_expected[bestLen]}'";
        }
        var message = $"Expected the sequence {wanted}; found '{OneLine(found)}', but {why}.";
        return CheckResult.Fail(message, new Evidence(run, $"Closest match: {why}."));
    }

    /// <summary>An item number, a subscripted name ("w_1") or a gloss in parentheses, unless the rubric expects it.</summary>
    private bool IsBetweenTokens(AnswerToken token) =>
        !_expectedSet.Contains(token.Text) && (token.Aside || token.Text.Contains('_') || !token.Text.AsSpan().ContainsAnyExceptInRange('0', '9'));

    private static string Quote(IEnumerable<string> tokens) => "'" + string.Join(' ', tokens) + "'";

    private static string OneLine(string s)
    {
        var flat = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 80 ? flat : flat[..79] + "…";
    }

    public string Describe() => Rule.Describe($": {Quote(_display)} in order");
}
