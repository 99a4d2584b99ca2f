using System.Globalization;
using RubricEngine.Checks.Latex;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// RE0004: the answer shows intermediate steps toward its result instead of stating it. See RE0004.md.
/// </summary>
public sealed class DerivationShownCheck : ICheck
{
    /// <summary>The rule id of this check.</summary>
    public const string RuleId = "RE0004";

    // Prose that marks a step: "Step 2", "First,", "Next", "Then", "Finally", "Setting … to zero".
    private static readonly string[] StepMarkers = ["step ", "first,", "next,", "next ", "then,", "then ", "finally", "setting ", "substituting", "expanding", "differentiating", "taking the"];

    // Words that justify a transformation: "using", "since", "by the chain rule".
    private static readonly string[] Justifications = ["using ", "since ", "because ", "by the ", "by linearity", "by cyclic", "apply ", "applying ", "recall ", "we get", "gives", "yields", "hence", "thus", "therefore", "so that", "which implies"];

    private readonly LatexNormalizer _normalizer = LatexNormalizer.Default;
    private readonly List<(RequiredExpression Required, NormalizedMath Math)> _required;

    /// <summary>Creates the check.</summary>
    /// <param name="minSteps">Steps the answer must show before its result (at least 1).</param>
    /// <param name="required">Intermediate expressions that must appear.</param>
    public DerivationShownCheck(int minSteps = 2, IEnumerable<RequiredExpression>? required = null)
    {
        if (minSteps < 1) throw new RubricDefinitionException($"DerivationShown: minSteps must be at least 1 (got {minSteps}).");
        MinSteps = minSteps;
        Required = (required ?? []).ToList();
        _required = Required.Select(r => (r, _normalizer.Parse(r.Latex))).ToList();
        foreach (var (r, math) in _required)
            if (math.Statements.Count == 0)
                throw new RubricDefinitionException($"DerivationShown: the required expression '{r.Latex}' contains no math.");
    }

    /// <summary>Steps required before the result.</summary>
    public int MinSteps { get; }

    /// <summary>Intermediate expressions that must appear.</summary>
    public IReadOnlyList<RequiredExpression> Required { get; }

    /// <inheritdoc />
    public string Describe() =>
        $"{RuleId} DerivationShown(minSteps: {MinSteps}" +
        (Required.Count == 0 ? "" : ", requires: " + string.Join(", ", Required.Select(r => r.DisplayName))) + ")";

    /// <inheritdoc />
    public CheckResult Evaluate(Answer answer)
    {
        var text = answer.Document.Text;
        var statements = AnswerMath.Statements(text, answer.Blocks, _normalizer);
        var equations = statements.Where(s => s.Links > 0).ToList();
        var evidence = new List<Evidence>();

        // The result: the last equation (a boxed one if the answer boxes its result).
        var result = equations.LastOrDefault(e => e.Segment.Boxed) ?? equations.LastOrDefault();
        var steps = CountSteps(answer, statements, result);

        var missing = _required.Where(r => !IsShown(r.Math, statements)).Select(r => r.Required).ToList();

        var stepShare = Math.Min(steps, MinSteps) / (double)MinSteps;
        var requiredShare = Required.Count == 0 ? 1 : (Required.Count - missing.Count) / (double)Required.Count;
        var score = Required.Count == 0 ? stepShare : (stepShare + requiredShare) / 2;

        var sentences = new List<string>();
        if (result is null)
        {
            sentences.Add(steps == 0
                ? "No equation is written: the result is stated, not derived."
                : $"Describes {Plural(steps, "step")} in words but writes no equation; {MinSteps} expected.");
        }
        else
        {
            var shows = $"Shows {Plural(steps, "step")} before the result";
            sentences.Add(steps >= MinSteps ? shows + "." : $"{shows}; {MinSteps} expected.");
        }
        foreach (var m in missing)
            sentences.Add(Capitalize(m.DisplayName) + " is not shown.");

        if (steps < MinSteps || missing.Count > 0)
        {
            var anchor = result?.Span ?? FirstBlockSpan(answer);
            var what = result is null ? "The answer states its result here without equations." : $"The result, after {Plural(steps, "step")}.";
            evidence.Add(new Evidence(anchor, what));
        }
        var message = string.Join(" ", sentences);
        return score >= 1 ? new CheckResult(1, message, evidence) : CheckResult.Partial(score, message, [.. evidence]);
    }

    /// <summary>
    /// Steps before the result, block by block: each link of an equation that transforms something already on
    /// the page (or leads to the result) is a step, except the first equation's first link, which only states the
    /// starting point; a block without such a link that is a numbered item, carries a step marker ("Step 2") or a
    /// justification ("using", "by the chain rule") is one step; links of the result's own chain before its last
    /// one are steps. Equations in the same formula as the result belong to the result.
    /// </summary>
    private static int CountSteps(Answer answer, List<AnswerStatement> statements, AnswerStatement? result)
    {
        var perBlock = new Dictionary<int, int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var resultAtoms = result?.AtomKeys.ToHashSet(StringComparer.Ordinal) ?? [];
        var first = true;
        foreach (var s in statements)
        {
            if (result is not null && s.Segment == result.Segment) break;
            var atoms = s.AtomKeys.ToList();
            if (s.Links > 0)
            {
                var connected = first || atoms.Any(seen.Contains) || atoms.Any(resultAtoms.Contains)
                    || s.Statement.Relations.Any(r => r != "=")
                    || HasAny(s.Segment.ProseBefore, Justifications) || HasStepMarker(s.Segment.ProseBefore);
                if (connected)
                {
                    var links = first ? s.Links - 1 : s.Links;
                    perBlock[s.Segment.BlockIndex] = perBlock.GetValueOrDefault(s.Segment.BlockIndex) + links;
                }
                first = false;
            }
            foreach (var a in atoms) seen.Add(a);
        }
        var steps = perBlock.Values.Sum();
        var resultBlock = result?.Segment.BlockIndex ?? answer.Blocks.Count;
        for (var b = 0; b < Math.Min(resultBlock, answer.Blocks.Count); b++)
        {
            if (perBlock.GetValueOrDefault(b) > 0) continue;
            var block = answer.Blocks[b];
            if (block.Kind is BlockKind.Code or BlockKind.Table or BlockKind.Heading) continue;
            var prose = block.PlainText;
            var numbered = block.Kind == BlockKind.ListItem && block.Marker is not null;
            if (numbered || HasStepMarker(prose) || HasAny(prose, Justifications)) steps++;
        }
        if (result is not null) steps += Math.Max(0, result.Links - 1);
        return steps;
    }

    private static bool HasStepMarker(string prose)
    {
        var lower = prose.ToLowerInvariant();
        var at = lower.IndexOf("step ", StringComparison.Ordinal);
        if (at >= 0 && at + 5 < lower.Length && char.IsAsciiDigit(lower[at + 5])) return true;
        return HasAny(prose, StepMarkers);
    }

    private static bool HasAny(string prose, string[] words)
    {
        foreach (var w in words)
            if (prose.Contains(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsShown(NormalizedMath required, List<AnswerStatement> statements)
    {
        var statement = required.Statements[0];
        if (statement.SideCount >= 2)
        {
            // A required equation: some equation of the answer says the same, up to rearrangement and scale.
            var wanted = statement.DifferenceKeys.ToHashSet(StringComparer.Ordinal);
            return statements.Any(s => s.Statement.DifferenceKeys.Any(wanted.Contains));
        }
        var key = statement.SideAt(0)?.Key;
        return key is not null && statements.Any(s => Enumerable.Range(0, s.Statement.SideCount).Any(i => s.Statement.SideAt(i)?.Key == key));
    }

    private static TextSpan FirstBlockSpan(Answer answer) => answer.Blocks.Count > 0 ? answer.Blocks[0].Span : answer.Span;

    private static string Plural(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? word : word + "s");

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
