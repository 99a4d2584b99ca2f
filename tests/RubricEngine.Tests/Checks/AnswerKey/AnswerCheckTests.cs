using RubricEngine.Checks;
using RubricEngine.Rubrics;
using static RubricEngine.Tests.Checks.TextAnswerFactory;

namespace RubricEngine.Tests.Checks.AnswerKey;

public sealed class AnswerCheckTests
{
    private static CheckResult Run(string markdown, string expected = "B", params string[] alternatives) =>
        new AnswerCheck(expected, alternatives).Evaluate(Answer(markdown, question: "5.a"));

    [TestCase("**Answer:** B")]
    [TestCase("Answer: B")]
    [TestCase("The answer is (B).")]
    [TestCase("The correct answer is **B** because the gradient vanishes.")]
    [TestCase("$$\n\\boxed{B}\n$$")]
    [TestCase("So the result is $\\boxed{\\text{B}}$.")]
    [TestCase("**Final Answer**: (B)")]
    [TestCase("B")]
    [TestCase("Let us compare the options.\n\n**B. The encoder output is reused**")]
    [TestCase("Option A is wrong, and so is C.\n\nFinal answer:\n\n**B**")]
    public void Stated_answer_b_passes(string markdown)
    {
        var result = Run(markdown);
        Assert.That(result.Passed, Is.True, result.Message);
    }

    [Test]
    public void The_conclusion_counts_not_every_mention()
    {
        const string md = """
            Let's weigh each option:

            - **(A)** would hold if the weights were tied.
            - **(B)** is tempting: the answer is B only when the batch is large.
            - **(C)** follows from the optimality conditions.

            **Answer: C**
            """;
        var answer = Answer(md, question: "5.a");
        var result = new AnswerCheck("B").Evaluate(answer);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Message, Is.EqualTo("The stated final answer is C; the expected answer is B."));
        Assert.That(answer.TextOf(result.Evidence.Single()).Trim(), Is.EqualTo("C**"));
        Assert.That(new AnswerCheck("C").Evaluate(answer).Passed, Is.True);
    }

    [Test]
    public void Discussion_without_a_conclusion_fails_and_says_so()
    {
        const string md = "Option (A) is plausible, (B) is also plausible, and (C) has merit too.";
        var result = Run(md);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Message, Does.StartWith("No final answer is stated"));
        Assert.That(result.Message, Does.EndWith("It discusses A, B and C without concluding."));
    }

    [TestCase("Final answer: `nn.MSELoss`", true)]
    [TestCase("**Answer:** use `torch.nn.MSELoss()` as the criterion.", true)]
    [TestCase("The answer is nn.mseloss", true)]
    [TestCase("Final answer: nn.L1Loss", false)]
    [TestCase("Final answer: nn.MSELossWeighted", false)]
    [TestCase("`nn.MSELoss`", true)]
    [TestCase("Use `nn.MSELoss` — mean squared error is the standard loss for regression targets.", true)]
    [TestCase("Use `nn.L1Loss` here; `nn.MSELoss` is more sensitive to outliers.", false)]
    [TestCase("Unlike `nn.MSELoss`, the Huber loss is robust to outliers, so it is a good choice.", false)]
    public void Short_text_answers_compare_without_markup_or_case(string markdown, bool passes) =>
        Assert.That(Run(markdown, "nn.MSELoss").Passed, Is.EqualTo(passes));

    [Test]
    public void Alternatives_are_accepted()
    {
        Assert.That(Run("Answer: MSELoss", "nn.MSELoss", "MSELoss").Passed, Is.True);
    }

    [Test]
    public void Wrong_text_answer_names_both()
    {
        var result = Run("Final answer: nn.L1Loss", "nn.MSELoss");
        Assert.That(result.Message, Is.EqualTo("The stated final answer is nn.L1Loss; the expected answer is nn.MSELoss."));
    }

    [Test]
    public void Answer_stated_only_in_the_summary_table_still_counts()
    {
        const string md = "We discussed the trade-offs above at length and compared every option carefully.\n\n| Question | Answer |\n|---|---|\n| 5.a | **B** |";
        var answer = Answer(md, question: "5.a");
        Assert.That(answer.Segment.Restatements, Is.Not.Empty);
        Assert.That(new AnswerCheck("B").Evaluate(answer).Passed, Is.True);
    }

    // The statement patterns run on the backtracking engine (precompiled); each must stay linear on the near-misses
    // that make a backtracking pattern slow: long whitespace runs after a keyword, keywords repeated without end.
    [TestCase("final")]
    [TestCase("use")]
    [TestCase("use the")]
    [TestCase("\\boxed")]
    [TestCase("answer")]
    public void Near_misses_of_a_statement_pattern_stay_linear(string keyword)
    {
        var runs = string.Concat(Enumerable.Repeat(keyword + new string(' ', 5_000) + "x ", 40));
        var repeats = string.Concat(Enumerable.Repeat(keyword + " ", 40_000));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var results = new[] { Run(runs), Run(repeats) };

        // Linear scans take milliseconds; a quadratic one would take minutes on these 200 KB answers.
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(results.Select(r => r.Passed), Is.All.False);
    }
}
