using System.Globalization;
using Humanizer;
using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>
/// RE0002: every number the answer states (value, unit, qualifier) is in the grounding texts: the trace's user
/// messages, attachments and sources, and the rubric's sources. Score: the share of numbers that are grounded
/// (0 with <see cref="NumbersGroundedOptions.Strict"/> as soon as one is not); full points when the answer states none.
/// Identifiers with digits that are not in the sources are added as notes (RE0003) that cost nothing.
/// </summary>
public sealed class NumbersGroundedCheck : IBuiltInCheck
{
    /// <summary>RE0002's catalog entry: its id, name, title and doc page are written here and nowhere else.</summary>
    public static BuiltInRule Rule { get; } = new(
        "RE0002", "NumbersGrounded", "Numbers grounded in the sources",
        "Every number the answer states appears in the prompts or sources, after unit conversion and rounding.",
        "NumbersGrounded/RE0002.md");

    BuiltInRule IBuiltInCheck.Rule => Rule;

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
        // One claim per quantity stated: a figure said twice is judged once, its repeats shown as notes.
        var claims = report.Numbers.GroupBy(n => n.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var ungrounded = claims.Where(c => !c.Any(n => n.Grounded)).ToList();
        var evidence = new List<Evidence>();
        // A reply that says it cannot see the material was held to figures exactly as the sources give them: say so.
        var exactly = report.DeclinesSources ? " (the reply says it cannot see them, so only figures given exactly as in the sources count)" : "";
        foreach (var claim in ungrounded)
        {
            // "3 remaining tricks" where the source has "3x": say the number is there but means something else.
            var elsewhere = exactly.Length == 0 && claim[0].SameNumberElsewhere ? " (the sources use that number for another quantity)" : "";
            evidence.Add(new Evidence(claim[0].Span, $"{claim[0].Text} is not in the sources{exactly}{elsewhere}."));
            foreach (var repeat in claim.Skip(1))
                evidence.Add(new Evidence(repeat.Span, $"{repeat.Text} is said again here; the claim is counted once.", Severity.Info));
        }
        if (Options.CheckIdentifiers)
            evidence.AddRange(UngroundedIdentifierCheck.Notes(report, _allow));

        var total = claims.Count;
        if (ungrounded.Count == 0)
        {
            var pass = total == 0 ? "The answer states no numbers to check."
                : total == 1 ? "The one number stated is in the sources."
                : $"All {total.ToString(CultureInfo.InvariantCulture)} numbers stated are in the sources.";
            return new CheckResult(1, pass, evidence);
        }

        var names = ungrounded.Select(c => c[0].Text + Said(c.Count)).ToList();
        var verb = names.Count == 1 ? "is" : "are";
        var message = $"{CountedNoun.Number.Format(names.Count)} {verb} not in the sources{exactly}: {names.Humanize("and")}.";
        var score = Options.Strict ? 0 : (double)(total - ungrounded.Count) / total;
        return new CheckResult(score, message, evidence);
    }

    private static string Said(int times) => times switch
    {
        1 => "",
        2 => " (said twice)",
        _ => $" (said {times.ToString(CultureInfo.InvariantCulture)} times)",
    };

    public string Describe()
    {
        var options = new List<string>();
        if (Options.IncludeMath) options.Add("numbers in formulas too");
        if (Options.Strict) options.Add("strict");
        if (Options.Allow.Count > 0) options.Add($"allowing {Options.Allow.Humanize("and")}");
        return Rule.Describe(": every number is in the sources" + (options.Count > 0 ? $" ({string.Join(", ", options)})" : ""));
    }
}
