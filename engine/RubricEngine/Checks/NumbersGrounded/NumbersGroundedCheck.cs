using System.Globalization;
using Humanizer;
using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>Options of <see cref="NumbersGroundedCheck"/>.</summary>
public sealed record NumbersGroundedOptions
{
    /// <summary>Also read numbers inside formulas (off: only a formula that is just a quantity counts).</summary>
    public bool IncludeMath { get; init; }

    /// <summary>No points at all when any number is ungrounded (default: points in proportion to grounded numbers).</summary>
    public bool Strict { get; init; }

    /// <summary>Also note names with digits that are not in the sources (RE0003, no points deducted).</summary>
    public bool CheckIdentifiers { get; init; } = true;

    /// <summary>Names with digits that are common knowledge and need no source ("GPT-4", "ImageNet").</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];
}

/// <summary>
/// RE0002: every number the answer states (value, unit, qualifier) is in the grounding texts: the trace's user
/// messages, attachments and sources, and the rubric's sources. Score: the share of numbers that are grounded
/// (0 with <see cref="NumbersGroundedOptions.Strict"/> as soon as one is not); full points when the answer states none.
/// Identifiers with digits that are not in the sources are added as notes (RE0003) that cost nothing.
/// </summary>
public sealed class NumbersGroundedCheck : ICheck
{
    private readonly GroundingAnalyzer _analyzer;
    private readonly IdentifierAllowList _allow;

    public NumbersGroundedCheck(NumbersGroundedOptions? options = null)
    {
        Options = options ?? new NumbersGroundedOptions();
        _analyzer = new GroundingAnalyzer(Options.IncludeMath);
        _allow = new IdentifierAllowList(Options.Allow);
    }

    public NumbersGroundedOptions Options { get; }

    public CheckResult Evaluate(Answer answer)
    {
        var report = _analyzer.Analyze(answer);
        var evidence = new List<Evidence>();
        var ungrounded = report.Numbers.Where(n => !n.Grounded).ToList();
        foreach (var n in ungrounded)
            evidence.Add(new Evidence(n.Span, $"{n.Text} is not in the sources."));
        if (Options.CheckIdentifiers)
            evidence.AddRange(UngroundedIdentifierCheck.Notes(report, _allow));

        var total = report.Numbers.Count;
        if (ungrounded.Count == 0)
        {
            var pass = total == 0 ? "The answer states no numbers to check."
                : total == 1 ? "The one number stated is in the sources."
                : $"All {total.ToString(CultureInfo.InvariantCulture)} numbers stated are in the sources.";
            return new CheckResult(1, pass, evidence);
        }

        var distinct = ungrounded.Select(n => n.Text).Distinct(StringComparer.Ordinal).ToList();
        var verb = distinct.Count == 1 ? "is" : "are";
        var message = $"{CountedNoun.Number.Format(distinct.Count)} {verb} not in the sources: {distinct.Humanize("and")}.";
        var score = Options.Strict ? 0 : (double)(total - ungrounded.Count) / total;
        return new CheckResult(score, message, evidence);
    }

    public string Describe()
    {
        var options = new List<string>();
        if (Options.IncludeMath) options.Add("numbers in formulas too");
        if (Options.Strict) options.Add("strict");
        if (Options.Allow.Count > 0) options.Add($"allowing {Options.Allow.Humanize("and")}");
        return $"{RuleIds.NumbersGrounded} NumbersGrounded: every number is in the sources" + (options.Count > 0 ? $" ({string.Join(", ", options)})" : "");
    }
}
