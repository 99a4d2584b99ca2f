using System.Globalization;
using Humanizer;
using RubricEngine.Rubrics;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// RE0001: the answer's prose stays within a word limit. Score 1 within the limit (after tolerance), 0 outside it;
/// the evidence marks where the limit is crossed so a student sees where to cut.
/// </summary>
public sealed class WordLimitCheck : IBuiltInCheck
{
    /// <summary>RE0001's catalog entry: its id, name, title and doc page are written here and nowhere else.</summary>
    public static BuiltInRule Rule { get; } = new(
        "RE0001", "WordLimit", "Word limit",
        "The answer's prose stays within a word limit (markup, formulas and summary tables handled as a person would).",
        "WordLimit/RE0001.md");

    BuiltInRule IBuiltInCheck.Rule => Rule;

    public WordLimitCheck(WordLimitOptions options)
    {
        if (options.Max is < 0 || options.Min < 0 || options.Tolerance < 0)
            throw new RubricDefinitionException("WordLimit: max, min and tolerance must not be negative.");
        if (options.Max is { } max && options.Min > max)
            throw new RubricDefinitionException($"WordLimit: min ({options.Min}) is above max ({max}).");
        Options = options;
    }

    public WordLimitOptions Options { get; }

    public CheckResult Evaluate(Answer answer)
    {
        var words = WordCounter.Words(answer.Blocks, Options.Counting);
        var count = words.Count;
        var tolerance = Options.Tolerance;
        if (Options.Max is { } max && count > max + tolerance)
        {
            // From the first word past the limit itself (not past the slack) to the end: what has to go.
            var cut = TextSpan.FromBounds(words[max].Start, words[^1].End);
            var message = $"Answer is {Words(count)}; the limit is {LimitText(max)} ({count - max} over).";
            return CheckResult.Fail(message, new Evidence(cut, $"The limit of {Words(max)} is reached here; {Words(count - max)} over."));
        }
        if (count < Options.Min - tolerance)
        {
            var message = $"Answer is {Words(count)}; at least {LimitText(Options.Min)} are required ({count.ToString(CultureInfo.InvariantCulture)} of {Options.Min.ToString(CultureInfo.InvariantCulture)}, {Options.Min - count} short).";
            var span = words.Count > 0 ? TextSpan.FromBounds(words[0].Start, words[^1].End) : answer.Span;
            return CheckResult.Fail(message, new Evidence(span, $"{Words(count).Transform(To.SentenceCase)}; {Words(Options.Min - count)} short of the minimum."));
        }
        return CheckResult.Pass($"Answer is {Words(count)}.");
    }

    private string LimitText(int limit) => Options.Tolerance > 0
        ? $"about {limit.ToString(CultureInfo.InvariantCulture)}"
        : limit.ToString(CultureInfo.InvariantCulture);

    internal static string Words(int n) => n == 1 ? "one word" : CountedNoun.Word.Format(n);

    public string Describe()
    {
        var parts = new List<string>();
        if (Options.Max is { } max) parts.Add($"at most {max}");
        if (Options.Min > 0) parts.Add($"at least {Options.Min}");
        if (Options.Tolerance > 0) parts.Add($"±{Options.Tolerance}");
        var extra = new List<string>();
        if (Options.Counting.IncludeMath) extra.Add("display math");
        if (Options.Counting.IncludeCode) extra.Add("code blocks");
        if (Options.Counting.IncludeHeadings) extra.Add("headings");
        var counting = extra.Count > 0 ? $", counting {extra.Humanize("and")}" : "";
        return Rule.Describe($": {string.Join(", ", parts)} words{counting}");
    }
}
