using System.Globalization;
using RubricEngine.Checks.Latex;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// RE0004: the answer shows intermediate steps toward its result instead of stating it. See RE0004.md.
/// </summary>
public sealed class DerivationShownCheck : IBuiltInCheck
{
    /// <summary>RE0004's catalog entry: its id, name, title and doc page are written here and nowhere else.</summary>
    public static BuiltInRule Rule { get; } = new(
        "RE0004", "DerivationShown", "Derivation shown",
        "The derivation is shown in enough steps, not just the result.",
        "DerivationShown/RE0004.md");

    BuiltInRule IBuiltInCheck.Rule => Rule;

    // Words that introduce a transformation of what is already on the page: "Expanding,", "By the chain rule,",
    // "Since U^T U = I,". "Setting … to zero gives" is not one: it states the result.
    private static readonly string[] Transformations =
    [
        "expand", "taking", "take the", "differentiat", "substitut", "plugging", "using", "since", "because", "by the",
        "apply", "applying", "simplif", "rearrang", "solving", "solve for", "distribut", "writing", "rewrit", "collect",
        "factor", "cancel", "stacking", "combining", "in matrix form", "hence", "thus", "therefore", "which gives",
        "we get", "we obtain", "this becomes", "alors", "donc", "d'où", "on obtient", "en développant",
    ];

    // How much prose before a formula can introduce it: the clause that leads into it.
    private const int LeadLength = 100;

    private readonly LatexNormalizer _normalizer = LatexNormalizer.Default;
    private readonly List<(RequiredExpression Required, List<NormalizedMath> Forms)> _required;

    /// <summary>Creates the check.</summary>
    /// <param name="minSteps">Steps the answer must show before its result (at least 1).</param>
    /// <param name="required">Intermediate expressions that must appear.</param>
    public DerivationShownCheck(int minSteps = 2, IEnumerable<RequiredExpression>? required = null)
    {
        if (minSteps < 1) throw new RubricDefinitionException($"DerivationShown: minSteps must be at least 1 (got {minSteps}).");
        MinSteps = minSteps;
        Required = (required ?? []).ToList();
        _required = Required.Select(r => (r, r.Forms.Select(_normalizer.Parse).ToList())).ToList();
        foreach (var (r, forms) in _required)
            for (var i = 0; i < forms.Count; i++)
                if (forms[i].Statements.Count == 0)
                    throw new RubricDefinitionException($"DerivationShown: the required expression '{r.Forms.ElementAt(i)}' contains no math.");
    }

    /// <summary>Steps required before the result.</summary>
    public int MinSteps { get; }

    /// <summary>Intermediate expressions that must appear.</summary>
    public IReadOnlyList<RequiredExpression> Required { get; }

    /// <inheritdoc />
    public string Describe() =>
        Rule.Describe($"(minSteps: {MinSteps}" +
        (Required.Count == 0 ? "" : ", requires: " + string.Join(", ", Required.Select(r => r.DisplayName))) + ")");

    /// <inheritdoc />
    public CheckResult Evaluate(Answer answer)
    {
        var text = answer.Document.Text;
        var statements = AnswerMath.Statements(text, answer.Blocks, _normalizer);
        var equations = statements.Where(s => s.Links > 0).ToList();
        var evidence = new List<Evidence>();

        // The result: the last equation (a boxed one if the answer boxes its result).
        var result = equations.LastOrDefault(e => e.Segment.Boxed) ?? equations.LastOrDefault();
        var count = result is null ? new StepCount(PlainTextSteps(answer), null) : CountSteps(answer, statements, result);
        var steps = count.Steps;

        var missing = _required.Where(r => !r.Forms.Any(f => IsShown(f, statements))).Select(r => r.Required).ToList();

        var stepShare = Math.Min(steps, MinSteps) / (double)MinSteps;
        var requiredShare = Required.Count == 0 ? 1 : (Required.Count - missing.Count) / (double)Required.Count;
        var score = Required.Count == 0 ? stepShare : (stepShare + requiredShare) / 2;

        var sentences = new List<string>();
        if (result is null)
        {
            // Exports copied from a rendered page lose the $…$ around formulas: say what was not found, not that nothing is there.
            sentences.Add(steps == 0
                ? "No equation in math notation ($…$, $$…$$, \\[…\\]) was found and no line derives one in plain text, so no step could be counted."
                : $"Shows {Plural(steps, "step")} written as plain-text equations (no math notation){(steps >= MinSteps ? "." : $"; {MinSteps} expected.")}");
        }
        else
        {
            // Say what was counted, and what was seen instead of steps: a derivative stated before anything was transformed.
            var shows = $"Shows {Plural(steps, "step")} before the result";
            sentences.Add(steps >= MinSteps ? shows + "." : $"{shows}; {MinSteps} expected.");
            if (steps < MinSteps && count.StatedDerivative is { } stated)
                sentences.Add($"States {stated} directly after the objective, without the lines that lead to it.");
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

    private sealed record StepCount(int Steps, string? StatedDerivative);

    /// <summary>
    /// Steps up to the result, a step being a link of an equation that transforms something already written. The
    /// link <c>a = b</c> that opens a statement is a step when <c>a</c> is already on the page (<c>L = …</c> after
    /// <c>L = \|…\|</c>), when the prose before it names a transformation ("Expanding,", "By the chain rule,",
    /// "Since …"), when it is an implication (<c>\Rightarrow</c>), when its right side uses a symbol an earlier line
    /// defined, or, for a derivative (<c>\nabla_W L = …</c>), once something has already been transformed; each
    /// further link of a chain (<c>= c</c>, and a line opening with "=") is a step, except a closing "= 0" (setting to
    /// zero states a condition). Announcements without work ("Step 1. Compute the gradient.") are not steps.
    /// </summary>
    private static StepCount CountSteps(Answer answer, List<AnswerStatement> statements, AnswerStatement? result)
    {
        var steps = 0;
        var sides = new HashSet<string>(StringComparer.Ordinal);
        var heads = new List<string>();
        var defined = new HashSet<string>(StringComparer.Ordinal);
        string? stated = null;
        var index = 0;
        var resultIndex = result is null ? -1 : statements.IndexOf(result);
        foreach (var s in statements)
        {
            if (resultIndex >= 0 && index++ > resultIndex) break;
            var st = s.Statement;
            var first = st.SideCount > 0 ? st.SideAt(0) : null;
            for (var i = 1; i < st.SideCount; i++)
            {
                var relation = st.Relations[i - 1];
                var right = st.SideAt(i);
                var left = st.SideAt(i - 1);
                if (right is null || relation is not ("=" or "\\Rightarrow" or "\\Leftrightarrow")) continue;
                if (left is null)
                {
                    // "= E[X^2] + …" continuing the line before.
                    if (!right.IsZero || i > 1) steps++;
                    continue;
                }
                if (i > 1)
                {
                    if (!right.IsZero || relation != "=") steps++;
                    continue;
                }
                if (relation != "=") { steps++; continue; }
                // A derivative written before anything was transformed is stated, not derived, whatever the prose
                // around it says ("Differentiate using the chain rule: ∇L = …" right after the objective).
                var derivative = IsDerivative(left.Key);
                var opens = OnThePage(left, sides, heads)
                    || (derivative ? steps > 0 : UsesDefined(right, defined) || Introduced(answer, s.Segment));
                if (opens) steps++;
                else if (derivative && stated is null && steps == 0) stated = "$" + LeftTex(s.Segment.Tex) + "$";
            }
            for (var i = 0; i < st.SideCount; i++)
                if (st.SideAt(i) is { } p) sides.Add(p.Key);
            if (first is not null)
            {
                if (first.Terms.Length > 0 && first.Terms[0].Atoms.Length > 0) heads.Add(first.Terms[0].Atoms[0].Base);
                if (first.SingleAtom is { } atom) defined.Add(atom.Base);
            }
        }
        return new StepCount(steps, stated);
    }

    /// <summary>
    /// Without math notation (a page copied from a PDF or a rendered chat), a block counts as a step when it holds a
    /// plain-text equation ("=") and is a numbered item, a "Step n" or is introduced by a transformation word.
    /// </summary>
    private static int PlainTextSteps(Answer answer)
    {
        var steps = 0;
        foreach (var block in answer.Blocks)
        {
            if (block.Kind is BlockKind.Code or BlockKind.Table or BlockKind.Heading) continue;
            var prose = block.PlainText;
            if (!prose.Contains('=')) continue;
            var lower = prose.ToLowerInvariant();
            var step = lower.IndexOf("step ", StringComparison.Ordinal);
            var marked = step >= 0 && step + 5 < lower.Length && char.IsAsciiDigit(lower[step + 5]);
            if ((block.Kind == BlockKind.ListItem && block.Marker is not null) || marked || HasAny(lower, Transformations)) steps++;
        }
        return steps;
    }

    /// <summary>The side is already written: the same expression, or the name <c>L</c> of an earlier <c>L(W_1, W_2)</c> (not its argument <c>W_1</c>).</summary>
    private static bool OnThePage(Polynomial side, HashSet<string> sides, List<string> heads)
    {
        if (sides.Contains(side.Key)) return true;
        return side.SingleAtom is { } atom && heads.Contains(atom.Base);
    }

    private static bool UsesDefined(Polynomial side, HashSet<string> defined) =>
        defined.Count > 0 && side.Terms.Any(t => t.Atoms.Any(a => defined.Contains(a.Base)));

    private static bool IsDerivative(string key) =>
        key.Contains("\\nabla", StringComparison.Ordinal) || key.Contains("\\partial", StringComparison.Ordinal) || key.Contains('\'');

    /// <summary>
    /// The prose before a formula (or closing the block before, for a display formula) names a transformation, or the
    /// prose right after it justifies it ("… by linearity of the trace"). "Taking gradients of $L = …$" names what is
    /// about to be transformed: the formula is the object, not the outcome.
    /// </summary>
    private static bool Introduced(Answer answer, MathSegment segment)
    {
        var after = segment.ProseAfter.TrimStart(' ', ',', '.', ':', '*');
        if (after.Length > 0 && (after.StartsWith("by ", StringComparison.OrdinalIgnoreCase) || after.StartsWith("using ", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("since ", StringComparison.OrdinalIgnoreCase) || after.StartsWith("because ", StringComparison.OrdinalIgnoreCase)))
            return true;
        var lead = segment.ProseBefore;
        if (lead.TrimEnd().EndsWith(" of", StringComparison.OrdinalIgnoreCase) || lead.TrimEnd().EndsWith(" of the", StringComparison.OrdinalIgnoreCase)) return false;
        if (lead.Trim(' ', '\t', '\n', '\r', '*', '_', '>').Length == 0 && segment.BlockIndex > 0)
        {
            var previous = answer.Blocks[segment.BlockIndex - 1];
            var start = Math.Max(previous.Span.Start, previous.Span.End - LeadLength);
            lead = answer.Document.Text[start..previous.Span.End];
        }
        if (lead.Length > LeadLength) lead = lead[^LeadLength..];
        lead = lead.ToLowerInvariant();
        if (lead.Contains("zero", StringComparison.Ordinal) && !HasAny(lead.Replace("setting", "", StringComparison.Ordinal), ["solv", "since", "using", "substitut"]))
            return false;
        return HasAny(lead, Transformations);
    }

    private static string LeftTex(string tex)
    {
        var at = tex.IndexOf('=');
        var left = (at > 0 ? tex[..at] : tex).Trim();
        return left.Length <= 60 ? left : left[..59] + "…";
    }

    /// <summary>Whether lower-cased <paramref name="prose"/> holds one of the (lower-case) <paramref name="words"/>.</summary>
    private static bool HasAny(string prose, string[] words)
    {
        foreach (var w in words)
            if (prose.Contains(w, StringComparison.Ordinal)) return true;
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
