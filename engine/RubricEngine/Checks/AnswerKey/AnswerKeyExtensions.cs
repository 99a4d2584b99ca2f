using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>The answer-key checks for rubric scripts: <c>.Answer(...)</c> (RE0006), <c>.Sequence(...)</c> (RE0007), <c>.Mentions(...)</c> (RE0008).</summary>
public static class AnswerKeyExtensions
{
    /// <summary>
    /// RE0006 — the answer's stated final answer is <paramref name="expected"/> (or one of <paramref name="alternatives"/>).
    /// A statement is "Answer: B", "The answer is (B)", "Final answer: nn.MSELoss", <c>\boxed{B}</c>, a bold option
    /// line or an answer that is only the answer; the last one counts, so discussing A, B and C and concluding "C"
    /// answers C. Option letters compare by letter; other answers ignore case, backticks, "torch." and "()".
    /// </summary>
    /// <param name="criterion">The criterion to judge.</param>
    /// <param name="expected">The key: an option letter ("B") or a short answer ("nn.MSELoss").</param>
    /// <param name="alternatives">Other accepted answers ("MSELoss").</param>
    /// <example><code>.Criterion("HW7-07", "Multiple choice").Answer("B")</code></example>
    public static QuestionBuilder Answer(this CriterionBuilder criterion, string expected, params string[] alternatives) =>
        criterion.Check(new AnswerCheck(expected, alternatives));

    /// <summary>
    /// RE0007 — <paramref name="tokens"/> appear in this order as one contiguous run, in prose, code or math:
    /// <c>[&lt;sos&gt;, I, see, a, dog]</c>, <c>&lt;sos&gt; I see a dog</c>, <c>\text{&lt;sos&gt;}</c> and <c>\langle sos \rangle</c> all count.
    /// Case and punctuation between tokens are ignored. The comment says what was found instead
    /// ("the sequence starts with 'i', not '&lt;sos&gt;'").
    /// </summary>
    /// <param name="criterion">The criterion to judge.</param>
    /// <param name="tokens">The tokens in order.</param>
    /// <example><code>.Criterion("HW7-05", "Decoder inputs start with &lt;sos&gt;", 3).Sequence("&lt;sos&gt;", "I", "see", "a", "dog")</code></example>
    public static QuestionBuilder Sequence(this CriterionBuilder criterion, params string[] tokens) =>
        criterion.Check(new SequenceCheck(tokens));

    /// <summary>
    /// RE0008 — full points when the answer mentions at least one of <paramref name="concepts"/>. Write synonyms
    /// with '|': <c>"different lengths|variable length"</c>. Case-insensitive, whole words, plurals and simple
    /// endings tolerated. Same as <c>Mentions(any: [...])</c>.
    /// </summary>
    /// <param name="criterion">The criterion to judge.</param>
    /// <param name="concepts">The concepts, any one of which is enough.</param>
    public static QuestionBuilder Mentions(this CriterionBuilder criterion, params string[] concepts) =>
        criterion.Check(new MentionsCheck(MentionMode.Any, concepts));

    /// <summary>
    /// RE0008 — with <paramref name="any"/>: full points when at least one concept is mentioned; with
    /// <paramref name="all"/>: points in proportion to the concepts mentioned. C# needs brackets for a named list:
    /// <c>.Mentions(any: ["different lengths", "reordering", "alignment"])</c> (<c>any: "a", "b"</c> does not compile).
    /// </summary>
    /// <param name="criterion">The criterion to judge.</param>
    /// <param name="any">Concepts of which one is enough.</param>
    /// <param name="all">Concepts that are all required (each worth an equal share).</param>
    public static QuestionBuilder Mentions(this CriterionBuilder criterion, string[]? any = null, string[]? all = null)
    {
        if ((any is null) == (all is null))
            throw new RubricDefinitionException("Mentions: give either any: [...] or all: [...], not both and not neither.");
        return criterion.Check(any is not null ? new MentionsCheck(MentionMode.Any, any) : new MentionsCheck(MentionMode.All, all!));
    }

    /// <summary>RE0008 — points in proportion to the <paramref name="concepts"/> mentioned; full points when all are.</summary>
    /// <param name="criterion">The criterion to judge.</param>
    /// <param name="concepts">The required concepts ('|' between synonyms).</param>
    public static QuestionBuilder MentionsAll(this CriterionBuilder criterion, params string[] concepts) =>
        criterion.Check(new MentionsCheck(MentionMode.All, concepts));
}
