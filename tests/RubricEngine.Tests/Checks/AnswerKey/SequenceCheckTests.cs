using RubricEngine.Checks;
using RubricEngine.Rubrics;
using static RubricEngine.Tests.Checks.TextAnswerFactory;

namespace RubricEngine.Tests.Checks.AnswerKey;

public sealed class SequenceCheckTests
{
    private static readonly string[] DecoderInputs = ["<sos>", "I", "see", "a", "dog"];

    private static CheckResult Run(string markdown) => new SequenceCheck(DecoderInputs).Evaluate(Answer(markdown, question: "mt.b"));

    [TestCase("The decoder inputs are `[<sos>, I, see, a, dog]`.")]
    [TestCase("Decoder inputs: <sos> I see a dog")]
    [TestCase("**Decoder input:** &lt;sos&gt; I see a dog")]
    [TestCase("$$\n\\text{<sos>}, \\text{I}, \\text{see}, \\text{a}, \\text{dog}\n$$")]
    [TestCase("Inputs: $\\langle \\text{sos} \\rangle$, I, see, a, dog")]
    [TestCase("```\ninputs = ['<SOS>', 'i', 'see', 'a', 'dog']\n```")]
    [TestCase("| step | input |\n|---|---|\n| 1 | ⟨sos⟩ I see a dog |\n\nThat is teacher forcing.")]
    public void Sequence_in_prose_code_or_math_passes(string markdown)
    {
        var result = Run(markdown);
        Assert.That(result.Passed, Is.True, result.Message);
    }

    [Test]
    public void The_comment_quotes_the_tokens_found_not_a_slice_with_broken_code_spans()
    {
        var result = Run("The decoder inputs are `I`, `see`, `a`, `dog` (teacher forcing).");

        Assert.That(result.Message, Does.Contain("found 'I see a dog'"), result.Message);
        Assert.That(result.Message, Does.Not.Contain("`"));
    }

    [Test]
    public void Missing_start_token_says_what_the_sequence_starts_with()
    {
        const string md = "With teacher forcing the decoder inputs are: I, see, a, dog, <eos>.";
        var answer = Answer(md, question: "mt.b");
        var result = new SequenceCheck(DecoderInputs).Evaluate(answer);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Message, Does.Contain("the sequence starts with 'i', not '<sos>'"));
        Assert.That(answer.TextOf(result.Evidence.Single()), Is.EqualTo("I, see, a, dog"));
    }

    [Test]
    public void Wrong_token_mid_sequence_is_named()
    {
        var result = Run("Inputs: <sos> I saw a dog");
        Assert.That(result.Message, Does.Contain("after 'i' comes 'saw', not 'see'"));
    }

    [Test]
    public void Tokens_out_of_order_fail()
    {
        Assert.That(Run("dog a see I <sos>").Passed, Is.False);
        Assert.That(Run("<sos> I see a big dog").Passed, Is.False, "contiguous, not just in order");
    }

    [Test]
    public void No_tokens_at_all_fails_plainly()
    {
        Assert.That(Run("Teacher forcing feeds the ground truth.").Message,
            Is.EqualTo("Expected the sequence '<sos> I see a dog'; it does not appear in the answer."));
    }

    [Test]
    public void Less_than_in_math_is_not_a_special_token()
    {
        Assert.That(new SequenceCheck(["<y>"]).Evaluate(Answer("We know $x < y$ and $z > w$ here.")).Passed, Is.False);
        Assert.That(new SequenceCheck(["x", "y"]).Evaluate(Answer("We know $x < y$ here.")).Passed, Is.True);
    }
}

/// <summary>Issue 12, point 2: tokens written inside math, one per list item.</summary>
public sealed class SequenceInMathTests
{
    [Test]
    public void Tokens_in_a_numbered_list_of_formulas_are_read_with_the_start_token()
    {
        const string md = """
            With teacher forcing, the decoder receives the ground-truth previous token at each step:

            1. $w_1 = \text{<sos>} \text{ (Start of Sequence)}$
            2. $w_2 = \text{I}$
            3. $w_3 = \text{see}$
            4. $w_4 = \text{a}$
            5. $w_5 = \text{dog}$
            """;
        var result = new SequenceCheck(["<sos>", "I", "see", "a", "dog"]).Evaluate(Answer(md, question: "mt.b"));
        Assert.That(result.Passed, Is.True, result.Message);
    }

    [Test]
    public void A_list_of_formulas_missing_the_start_token_still_fails()
    {
        const string md = """
            1. $w_1 = \text{I}$
            2. $w_2 = \text{see}$
            3. $w_3 = \text{a}$
            4. $w_4 = \text{dog}$
            """;
        var result = new SequenceCheck(["<sos>", "I", "see", "a", "dog"]).Evaluate(Answer(md, question: "mt.b"));
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Message, Does.Contain("starts with 'i', not '<sos>'"));
    }
}
