using RubricEngine.Checks;
using RubricEngine.Rubrics;
using static RubricEngine.Tests.Checks.TextAnswerFactory;

namespace RubricEngine.Tests.Checks.AnswerKey;

public sealed class MentionsCheckTests
{
    private static readonly string[] WhyAttention = ["different lengths|variable length", "reordering|word order", "alignment"];

    private static CheckResult Run(MentionMode mode, string markdown) => new MentionsCheck(mode, WhyAttention).Evaluate(Answer(markdown, question: "mt.c"));

    [TestCase("Source and target sentences have **different lengths**.")]
    [TestCase("Sentences can have a Different Length in each language.")]
    [TestCase("- Attention handles **word reordering** between languages.")]
    [TestCase("It learns to align source and target words.")]
    [TestCase("Languages reorder words; attention aligns them.")]
    [TestCase("It copes with variable-length inputs.")]
    public void Any_concept_or_synonym_in_any_form_passes(string markdown)
    {
        var result = Run(MentionMode.Any, markdown);
        Assert.That(result.Passed, Is.True, result.Message);
    }

    [TestCase("Attention is all you need.")]
    [TestCase("The lengthy differences are misaligned... no: malignment.")]
    [TestCase("We use a fixed context vector.")]
    public void Unrelated_or_partial_words_do_not_count(string markdown)
    {
        var result = Run(MentionMode.Any, markdown);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Message, Is.EqualTo("The answer mentions none of \"different lengths\", \"reordering\" or \"alignment\"."));
    }

    [Test]
    public void All_mode_scores_the_share_mentioned_and_lists_what_is_missing()
    {
        var result = Run(MentionMode.All, "Attention gives a soft alignment between sentences of different lengths.");
        Assert.That(result.Score, Is.EqualTo(2.0 / 3).Within(1e-9));
        Assert.That(result.Message, Is.EqualTo("The answer does not mention \"reordering\"."));
    }

    [Test]
    public void Named_list_syntax_compiles_and_picks_the_mode()
    {
        var globals = new RubricGlobals(TestContext.CurrentContext.WorkDirectory);
        globals.Rubric("hw7", r => r
            .Question("mt.c", "Why attention", "Machine Translation")
                .Criterion("HW7-06", "Why attention").Mentions(any: ["different lengths", "reordering", "alignment"])
                .Criterion("HW7-06b", "All reasons").Mentions(all: ["different lengths", "reordering"])
                .Criterion("HW7-06c", "Positional").Mentions("different lengths", "reordering")
                .Criterion("HW7-06d", "All positional").MentionsAll("alignment")
            .Rubric.Question("mt.b").Criterion("HW7-05", "Decoder inputs", 3).Sequence("<sos>", "I", "see", "a", "dog")
            .Rubric.Question("5.a").Criterion("HW7-07", "Multiple choice").Answer("B")
            .Rubric.Question("5.b").Criterion("HW7-08", "Short answer").Answer("nn.MSELoss"));
        var descriptions = globals.BuildRubric().Criteria.Select(c => c.Check.Describe()).ToList();
        Assert.That(descriptions, Is.EqualTo(new[]
        {
            "RE0008 Mentions any of: different lengths, reordering, alignment",
            "RE0008 Mentions all of: different lengths, reordering",
            "RE0008 Mentions any of: different lengths, reordering",
            "RE0008 Mentions all of: alignment",
            "RE0007 Sequence: '<sos> I see a dog' in order",
            "RE0006 Answer: the stated final answer is B",
            "RE0006 Answer: the stated final answer is nn.MSELoss",
        }));
    }

    [Test]
    public void Giving_both_or_neither_list_is_a_rubric_error()
    {
        var globals = new RubricGlobals(TestContext.CurrentContext.WorkDirectory);
        Assert.Throws<RubricDefinitionException>(() => globals.Rubric("x", r => r.Question("1").Criterion("X-1", "x").Mentions(any: ["a"], all: ["b"])));
    }
}
