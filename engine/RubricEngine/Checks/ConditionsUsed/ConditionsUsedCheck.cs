using System.Globalization;
using RubricEngine.Checks.Latex;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// RE0005: the answer uses the results (conditions) stated in the answer to an earlier question, with the
/// rubric's substitutions applied. See RE0005.md.
/// </summary>
public sealed class ConditionsUsedCheck : IBuiltInCheck, IReadsOtherQuestions
{
    /// <summary>RE0005's catalog entry: its id, name, title and doc page are written here and nowhere else.</summary>
    public static BuiltInRule Rule { get; } = new(
        "RE0005", "ConditionsUsed", "Conditions used",
        "The answer uses the conditions derived in an earlier part.",
        "ConditionsUsed/RE0005.md");

    BuiltInRule IBuiltInCheck.Rule => Rule;

    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth"];

    // Phrases that refer to all the earlier conditions at once by where they come from. A bare "satisfies the
    // conditions" names nothing a student could be asked to show, so it earns no reference credit.
    private static readonly string[] GenericReferences =
    [
        "stationarity condition", "optimality condition", "first-order condition", "first order condition",
        "conditions from", "conditions derived", "conditions in part", "conditions of part", "conditions above", "both conditions",
        "gradient conditions",
    ];

    private readonly LatexNormalizer _plain = LatexNormalizer.Default;
    private readonly LatexNormalizer _substituted;

    /// <summary>Creates the check.</summary>
    /// <param name="from">The question whose answer states the conditions (<c>3.b.i</c>).</param>
    /// <param name="substitutions">Variables to replace in the conditions: <c>("W_1", @"U_k^\top")</c>.</param>
    /// <param name="referenceCredit">Share of a condition's credit when it is only cited ("from (1)") without its substituted equation.</param>
    public ConditionsUsedCheck(QuestionPath from, IEnumerable<(string Variable, string Replacement)>? substitutions = null, double referenceCredit = 0.5)
    {
        From = from;
        Substitutions = (substitutions ?? []).ToList();
        if (referenceCredit is < 0 or > 1 || double.IsNaN(referenceCredit))
            throw new RubricDefinitionException($"ConditionsUsed: referenceCredit must be between 0 and 1 (got {referenceCredit}).");
        ReferenceCredit = referenceCredit;
        foreach (var (variable, replacement) in Substitutions)
        {
            if (string.IsNullOrWhiteSpace(variable) || string.IsNullOrWhiteSpace(replacement))
                throw new RubricDefinitionException("ConditionsUsed: each substitution needs a variable and a replacement, like (\"W_1\", @\"U_k^\\top\").");
            if (!LatexNormalizer.CanSubstitute(variable))
                throw new RubricDefinitionException($"ConditionsUsed: '{variable}' cannot be substituted: give a variable (\"W_1\"), a number (\"2\") or a product (\"W_2 W_1\"), not a sum.");
        }
        _substituted = new LatexNormalizer(new LatexNormalizerOptions { Substitutions = Substitutions });
    }

    /// <summary>The question whose answer states the conditions.</summary>
    public QuestionPath From { get; }

    IEnumerable<QuestionPath> IReadsOtherQuestions.OtherQuestions => [From];

    /// <summary>The substitutions applied to the conditions.</summary>
    public IReadOnlyList<(string Variable, string Replacement)> Substitutions { get; }

    /// <summary>Credit share for a condition that is cited but not written out.</summary>
    public double ReferenceCredit { get; }

    /// <inheritdoc />
    public string Describe() =>
        Rule.Describe($"(from: {From}" + (Substitutions.Count == 0 ? "" : ", substitute: " + SubstitutionText) + ")");

    private string SubstitutionText => string.Join(", ", Substitutions.Select(s => $"${s.Variable} = {s.Replacement}$"));

    /// <inheritdoc />
    public CheckResult Evaluate(Answer answer)
    {
        var attempts = AttemptsOfFrom(answer);
        if (attempts.Count == 0)
            return CheckResult.Fail(
                $"No answer to {From} was found in the chat, so the conditions derived there cannot be checked; this answer needs to use them.",
                new Evidence(AnswerSpan(answer), $"Expected to use the conditions from {From}."));

        var text = answer.Document.Text;
        var statements = AnswerMath.Statements(text, answer.Blocks, _plain);
        // The attempt built on first, with the forms (and the labeled conditions it leaves out) of the other attempts.
        var conditions = MergeConditions(answer, attempts);
        var basis = conditions.Count > 0 ? attempts.First(a => a.Attempt == conditions[0].Forms[0].Attempt) : attempts[0];
        var source = $"Conditions from {From} attempt {basis.Attempt.ToString(CultureInfo.InvariantCulture)} (message {basis.MessageIndex.ToString(CultureInfo.InvariantCulture)})";
        if (conditions.Count == 0)
            return CheckResult.Fail(
                $"The answer to {From} states no labeled, boxed or \"= 0\" equations, so there are no conditions to use here.",
                new Evidence(AnswerSpan(answer), $"Expected to use the conditions from {From}."));

        var prose = string.Join("\n", answer.Blocks.Select(b => text.Substring(b.Span.Start, b.Span.Length)));
        var genericReference = GenericReferences.Any(g => prose.Contains(g, StringComparison.OrdinalIgnoreCase));

        var evidence = new List<Evidence>();
        var sentences = new List<string>();
        double total = 0;
        var used = new List<string>();
        var elsewhere = new List<string>();
        for (var i = 0; i < conditions.Count; i++)
        {
            var condition = conditions[i];
            var form = condition.Forms.FirstOrDefault(f => IsUsed(f, statements));
            if (form is not null)
            {
                total += 1;
                used.Add(condition.Name);
                if (form.Attempt != basis.Attempt) elsewhere.Add($"{condition.Name} as stated in attempt {form.Attempt.ToString(CultureInfo.InvariantCulture)}");
                continue;
            }
            var reference = FindReference(text, answer, condition, i);
            if (reference is not null || genericReference)
            {
                total += ReferenceCredit;
                sentences.Add($"{Capitalize(condition.Name)} is cited but never written out with {Substituted} substituted" +
                    (ReferenceCredit > 0 && ReferenceCredit < 1 ? $" (partial credit)." : "."));
                if (reference is { } span) evidence.Add(new Evidence(span, $"Cites {condition.Name} without substituting into it."));
            }
            else
            {
                sentences.Add($"{Capitalize(condition.Name)} is never used: substitute {Substituted} into it and show both sides agree.");
            }
        }
        var score = total / conditions.Count;
        if (used.Count > 0)
            sentences.Insert(0, $"Uses {Join(used)} with {Substituted} substituted.");
        // Which attempt's conditions were used: said whenever there was a choice, or points are lost.
        if (attempts.Count > 1 || score < 1)
            sentences.Add(source + (elsewhere.Count > 0 ? "; " + Join(elsewhere) : "") + ".");
        if (score < 1)
        {
            // Identities written instead (U_k^T U_k = I, A = A) earn nothing: say so where they are.
            var allKeys = conditions.SelectMany(c => c.Forms).SelectMany(f => f.Keys).ToHashSet(StringComparer.Ordinal);
            foreach (var s in statements.Where(s => s.Links > 0 && !s.Statement.DifferenceKeys.Any(allKeys.Contains)).Take(3))
                evidence.Add(new Evidence(s.Span, $"This equation is not one of the conditions from {From}.", Severity.Info));
            if (evidence.Count == 0) evidence.Add(new Evidence(AnswerSpan(answer), $"The conditions from {From} are not used here."));
        }
        return score >= 1
            ? new CheckResult(1, string.Join(" ", sentences), [])
            : CheckResult.Partial(score, string.Join(" ", sentences), [.. evidence]);
    }

    private string Substituted => Substitutions.Count == 0 ? "the values of this part" : SubstitutionText;

    /// <summary>
    /// The attempts at <see cref="From"/>, the one this answer builds on first: the latest given before it (earlier in
    /// the chat, or earlier in the same message), then the others from the latest back.
    /// </summary>
    private List<AnswerSegment> AttemptsOfFrom(Answer answer)
    {
        var all = answer.Segmentation.Answers
            .Where(a => a.Question == From && a.Blocks.Count > 0 && a.MessageIndex < answer.Trace.Messages.Count)
            .ToList();
        bool Before(AnswerSegment a) => a.MessageIndex < answer.Segment.MessageIndex
            || (a.MessageIndex == answer.Segment.MessageIndex && a.Span.Start < answer.Segment.Span.Start);
        var ordered = all.Where(Before).OrderByDescending(a => a.MessageIndex).ThenByDescending(a => a.Span.Start).ToList();
        ordered.AddRange(all.Where(a => !Before(a)).OrderByDescending(a => a.MessageIndex).ThenByDescending(a => a.Span.Start));
        return ordered;
    }

    /// <summary>
    /// The conditions of the attempt the answer builds on, each with its forms in every attempt (matched by label):
    /// a retry that restates condition (2) in another form adds that form; a labeled condition only another attempt
    /// states is added from there.
    /// </summary>
    private List<Condition> MergeConditions(Answer answer, List<AnswerSegment> attempts)
    {
        var merged = new List<Condition>();
        foreach (var attempt in attempts)
        {
            var text = answer.Trace.Messages[attempt.MessageIndex].Content;
            foreach (var c in FindConditions(text, attempt.Blocks, attempt.Attempt))
            {
                var same = c.Label is null ? null : merged.FirstOrDefault(m => m.Label == c.Label);
                if (same is not null) same.Forms.AddRange(c.Forms);
                else if (ReferenceEquals(attempt, attempts[0]) || c.Label is not null || merged.Count == 0) merged.Add(c);
            }
            if (merged.Count > 0 && merged.All(m => m.Label is null)) break; // unlabeled conditions cannot be matched across attempts
        }
        return merged;
    }

    private static bool IsUsed(ConditionForm form, List<AnswerStatement> statements) =>
        statements.Any(s => s.Statement.DifferenceKeys.Any(form.Keys.Contains));

    private sealed record ConditionForm(int Attempt, HashSet<string> Keys);

    private sealed record Condition(string Name, string? Label, List<ConditionForm> Forms);

    /// <summary>
    /// The conditions of the earlier answer: its labeled equations ("\tag{1}", "(1)", "Condition 1:"); if none,
    /// its boxed equations; if none, its equations of the form "… = 0".
    /// </summary>
    private List<Condition> FindConditions(string text, IReadOnlyList<RubricEngine.Documents.Block> blocks, int attempt)
    {
        var segments = MathExtractor.Extract(text, blocks);
        var candidates = new List<(MathSegment Segment, string Tex, string? Label, NormalizedStatement Plain)>();
        foreach (var segment in segments)
        {
            var statements = _plain.Parse(segment.Tex).Statements;
            var proseLabel = LabelFromProse(segment);
            foreach (var st in statements.Where(s => s.Relations.Contains("=")))
                candidates.Add((segment, segment.Tex, st.Tag ?? (statements.Count == 1 ? proseLabel : null), st));
        }
        var chosen = candidates.Where(c => c.Label is not null).ToList();
        if (chosen.Count == 0) chosen = candidates.Where(c => c.Segment.Boxed).ToList();
        if (chosen.Count == 0) chosen = candidates.Where(c => c.Plain.Sides[^1] == "0" && c.Plain.SideCount >= 2).ToList();

        var conditions = new List<Condition>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in chosen)
        {
            // The same equation with the substitution applied; every pair of a chain (∇L = -2(…) = 0) is a form of it,
            // except those that only relate a gradient symbol to its value.
            var substituted = _substituted.Parse(c.Tex).Statements.FirstOrDefault(s => s.Text.Length > 0 && s.Relations.Contains("=") && (c.Plain.Tag is null || s.Tag == c.Plain.Tag));
            if (substituted is null) continue;
            var keys = substituted.DifferenceKeys
                .Where(k => !k.Contains("\\nabla", StringComparison.Ordinal) && !k.Contains("\\partial", StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);
            if (keys.Count == 0 || keys.Overlaps(seenKeys)) continue;
            seenKeys.UnionWith(keys);
            var number = conditions.Count + 1;
            var name = c.Label is { } l ? $"condition ({l})" : $"condition {number.ToString(CultureInfo.InvariantCulture)}";
            conditions.Add(new Condition(name, c.Label, [new ConditionForm(attempt, keys)]));
        }
        return conditions;
    }

    /// <summary>"(1)" right after the formula, or "Condition 1:", "(1):", "**(2)**" right before it.</summary>
    private static string? LabelFromProse(MathSegment segment)
    {
        var after = segment.ProseAfter.TrimStart(' ', '\t', ',', '.', '*');
        if (ParenLabelAt(after, 0) is { } l1) return l1;
        var before = segment.ProseBefore.TrimEnd(' ', '\t', ':', '*', '\n', '\r');
        if (before.EndsWith(')') && before.LastIndexOf('(') is var open and >= 0 && ParenLabelAt(before, open) is { } l2 && open + l2.Length + 2 == before.Length) return l2;
        var lower = before.ToLowerInvariant();
        foreach (var word in new[] { "condition ", "equation ", "eq. " })
        {
            var at = lower.LastIndexOf(word, StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = before[(at + word.Length)..].Trim('(', ')', ' ', ':', '*');
            if (rest.Length is > 0 and <= 4 && rest.All(char.IsLetterOrDigit)) return rest;
        }
        return null;
    }

    private static string? ParenLabelAt(string s, int at)
    {
        if (at >= s.Length || s[at] != '(') return null;
        var close = s.IndexOf(')', at);
        if (close < 0 || close - at - 1 is < 1 or > 4) return null;
        var label = s[(at + 1)..close];
        return label.All(char.IsLetterOrDigit) ? label : null;
    }

    /// <summary>Where the answer cites the condition: "(1)", "condition 1", "the first condition", "\eqref{1}".</summary>
    private static TextSpan? FindReference(string text, Answer answer, Condition condition, int index)
    {
        var patterns = new List<string>();
        if (condition.Label is { } label)
        {
            patterns.Add("(" + label + ")");
            patterns.Add("condition " + label);
            patterns.Add("\\eqref{" + label + "}");
            patterns.Add("\\tag{" + label + "}");
        }
        else patterns.Add("condition " + (index + 1).ToString(CultureInfo.InvariantCulture));
        if (index < Ordinals.Length)
        {
            patterns.Add(Ordinals[index] + " condition");
            patterns.Add(Ordinals[index] + " optimality condition");
            patterns.Add(Ordinals[index] + " stationarity condition");
        }
        foreach (var block in answer.Blocks)
        {
            var start = Math.Clamp(block.Span.Start, 0, text.Length);
            var length = Math.Clamp(block.Span.Length, 0, text.Length - start);
            var slice = text.Substring(start, length);
            foreach (var p in patterns)
            {
                var at = slice.IndexOf(p, StringComparison.OrdinalIgnoreCase);
                if (at >= 0) return new TextSpan(start + at, p.Length);
            }
        }
        return null;
    }

    private static TextSpan AnswerSpan(Answer answer) => answer.Blocks.Count > 0 ? answer.Blocks[0].Span : answer.Span;

    private static string Join(List<string> items) => items.Count switch
    {
        1 => items[0],
        2 => items[0] + " and " + items[1],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
