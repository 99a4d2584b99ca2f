using RubricEngine.Checks;
using RubricEngine.Rubrics;
using RubricEngine.Traces;
using static RubricEngine.Tests.Checks.TextAnswerFactory;

namespace RubricEngine.Tests.Checks.NumbersGrounded;

public sealed class NumbersGroundedCheckTests
{
    private const string Blog = """
        # How to train your ResNet

        We train a ResNet-18-style network on CIFAR10 to 94% test accuracy in 341 s on a single V100 GPU.
        The previous record took 35 minutes on 8 V100s. Mixed precision (FP16) alone gives a 3x speedup.
        We use batch size 512 and train for 24 epochs. The V100 peaks at 125 TeraFLOPS; one epoch costs
        about 2.8 × 10^9 FLOPs per image.
        """;

    private static readonly IReadOnlyList<SourceText> RubricSources = [new SourceText("resnet-blog.md", "ResNet blog", Blog)];

    private static CheckResult Run(string markdown, NumbersGroundedOptions? options = null, string prompt = DefaultPrompt) =>
        new NumbersGroundedCheck(options).Evaluate(Answer(markdown, prompt: prompt, rubricSources: RubricSources));

    [Test]
    public void Figures_from_the_blog_pass_in_any_unit_and_style()
    {
        const string md = """
            **Key figures from the blog:**

            - The network reaches **94%** test accuracy in **341 seconds (~6 minutes)**.
            - The previous record was 35 min on eight V100s — roughly 94 percent accuracy either way.
            - FP16 gives a **3×** speedup; each image costs $2.8 \times 10^9$ FLOPs.
            - Training uses a batch size of 512 for 24 epochs on hardware that peaks at 125 TFLOPS.
            """;
        var result = Run(md);
        Assert.That(result.Passed, Is.True, result.Message);
        Assert.That(result.Message, Does.StartWith("All 9 numbers"), "94% and 94 percent are one claim");
    }

    [Test]
    public void Invented_figures_lose_points_and_are_each_marked()
    {
        const string md = """
            Step 1: The blog trains on CIFAR10 in about 341 s.

            Step 2: Earlier approaches needed **~18 hours**, reached ~68% and the record stood at ~35 minutes;
            in total roughly 20 hours were saved.
            """;
        var answer = Answer(md, rubricSources: RubricSources);
        var result = new NumbersGroundedCheck().Evaluate(answer);

        Assert.That(result.Score, Is.EqualTo(2.0 / 5).Within(1e-9));
        Assert.That(result.Message, Is.EqualTo("3 numbers are not in the sources: ~18 hours, ~68% and roughly 20 hours."));
        var costly = result.Evidence.Where(e => e.Severity is null).ToList();
        Assert.That(costly.Select(answer.TextOf), Is.EqualTo(new[] { "~18 hours", "~68%", "roughly 20 hours" }));
        Assert.That(costly[0].Message, Is.EqualTo("~18 hours is not in the sources."));
    }

    [Test]
    public void Strict_mode_gives_no_points_for_one_invented_number()
    {
        var result = Run("It took 341 s, and 99% accuracy.", new NumbersGroundedOptions { Strict = true });
        Assert.That(result.Score, Is.Zero);
        Assert.That(result.Message, Is.EqualTo("1 number is not in the sources: 99%."));
    }

    [TestCase("Accuracy was 94.0%.", true)]
    [TestCase("Accuracy was 94.3%.", false)]
    [TestCase("It took 5.7 minutes.", true)]
    [TestCase("It took 5.6 minutes.", false)]
    [TestCase("It took 6 minutes.", true)]
    [TestCase("It took about 6 min.", true)]
    [TestCase("It took 7 minutes.", false)]
    [TestCase("It took about 7 minutes.", false)]
    [TestCase("It took ~0.1 hours.", true)]
    [TestCase("It took 341 ms.", false)]
    [TestCase("They used 341 GPUs.", true)]
    [TestCase("A speedup of 3 times.", true)]
    [TestCase("A speedup of 35x.", false)]
    [TestCase("The record took 35 seconds.", false)]
    [TestCase("About 1.25e14 FLOPS at peak.", true)]
    [TestCase("It takes five minutes.", false)]
    public void Units_rounding_and_qualifiers_decide_grounding(string sentence, bool grounded) =>
        Assert.That(Run(sentence).Passed, Is.EqualTo(grounded), Run(sentence).Message);

    [Test]
    public void Labels_question_ids_and_enumerators_are_not_claims()
    {
        const string md = """
            ## Problem 4, part (a)

            **Step 3:** From equation (1) and part 4.b, as in Question 2, the weights $W_1$ and $W_2$ follow.
            1) first 2) second
            """;
        var result = Run(md);
        Assert.That(result.Message, Is.EqualTo("The answer states no numbers to check."));
    }

    [Test]
    public void Numbers_inside_formulas_are_left_out_unless_included()
    {
        const string md = "We solve $W_2 = 3 W_1 + 17$ exactly.";
        Assert.That(Run(md).Passed, Is.True);
        var withMath = Run(md, new NumbersGroundedOptions { IncludeMath = true });
        Assert.That(withMath.Passed, Is.False);
        Assert.That(withMath.Message, Does.Contain("17"));
    }

    [Test]
    public void Numbers_from_the_prompt_and_trace_sources_are_grounded()
    {
        var traceSources = new[] { new SourceText("notes", null, "Our lab cluster has 16 A100 GPUs.") };
        var answer = Answer("We have 16 A100s and the prompt asked for 100 words.", prompt: "Summarize in 100 words.",
            traceSources: traceSources);
        var result = new NumbersGroundedCheck().Evaluate(answer);
        Assert.That(result.Passed, Is.True, result.Message);
        Assert.That(result.Evidence, Is.Empty, "A100 is in the trace's source");
    }

    [Test]
    public void Ungrounded_identifiers_are_free_notes_unless_allowed()
    {
        const string md = "The blog used one V100 and a ResNet-18; we would try an A100, GPT-4 or a p3.2xlarge in 2019.";
        var answer = Answer(md, rubricSources: RubricSources);
        var result = new NumbersGroundedCheck(new NumbersGroundedOptions { Allow = ["gpt-4"] }).Evaluate(answer);

        Assert.That(result.Passed, Is.True);
        Assert.That(result.Evidence.All(e => e.Severity == Severity.Info), Is.True);
        Assert.That(result.Evidence.Select(answer.TextOf), Is.EqualTo(new[] { "A100", "p3.2xlarge", "2019" }));
        Assert.That(result.Evidence[0].Message, Does.StartWith("RE0003:"));

        var standalone = new UngroundedIdentifierCheck(["p3.2xlarge"]).Evaluate(answer);
        Assert.That(standalone.Score, Is.EqualTo(1));
        Assert.That(standalone.Evidence.Select(answer.TextOf), Is.EqualTo(new[] { "A100", "GPT-4", "2019" }));
    }

    [Test]
    public void Summary_table_restating_the_answer_is_not_checked_but_tables_in_the_answer_are()
    {
        const string md = """
            | Metric | Value |
            |---|---|
            | accuracy | 94% |
            | time | 17 minutes |

            That is what the blog reports.

            | Question | Answer |
            |---|---|
            | 4.a | 18 hours |
            """;
        var result = Run(md);
        Assert.That(result.Message, Is.EqualTo("1 number is not in the sources: 17 minutes."));
    }

    [Test]
    public void Rubric_sources_are_indexed_once_per_check_and_traces_once_per_trace()
    {
        var check = new NumbersGroundedCheck();
        var first = TextAnswerFactory.Analyze([DefaultPrompt, "It took 341 s.", "Again?", "94% in 341 s."], rubricSources: RubricSources);
        var results = first.Answers.AsParallel().Select(check.Evaluate).ToList();
        Assert.That(results.All(r => r.Passed), Is.True);

        // Same check, another trace whose prompt grounds 17 minutes: the trace index is per trace, not shared.
        var second = Answer("It took 17 minutes.", prompt: "The baseline took 17 minutes.", rubricSources: RubricSources);
        Assert.That(check.Evaluate(second).Passed, Is.True);
        var third = Answer("It took 17 minutes.", rubricSources: RubricSources);
        Assert.That(check.Evaluate(third).Passed, Is.False);
    }

    [Test]
    public void Claims_are_looked_up_in_the_rubric_sources_and_then_in_the_trace_whichever_holds_them()
    {
        // The trace's texts are only indexed once a claim is missing from the rubric's sources: the first two claims
        // are in the blog, the third only in the prompt, the fourth nowhere; the identifier A100 only in the prompt.
        const string md = "94% in 341 s on a V100; our A100 baseline took 17 minutes; a rerun took 3 hours.";
        var answer = Answer(md, prompt: "Our A100 baseline took 17 minutes.", rubricSources: RubricSources);

        var result = new NumbersGroundedCheck().Evaluate(answer);

        Assert.That(result.Message, Is.EqualTo("1 number is not in the sources: 3 hours."));
        Assert.That(result.Evidence.Select(answer.TextOf), Is.EqualTo(new[] { "3 hours" }), "A100 is grounded by the prompt");
        Assert.That(result.Score, Is.EqualTo(3.0 / 4));
    }

    [Test]
    public void Hostile_answer_text_is_handled()
    {
        var md = $"Values: {new string('9', 400)} and 1e999999 and {string.Join(' ', Enumerable.Repeat("12", 5000))}.";
        var result = Run(md);
        Assert.That(result.Score, Is.InRange(0.0, 1.0));
        Assert.That(result.Message, Does.Contain("1e999999"));
    }

    [Test]
    public void Rubric_extension_attaches_the_check()
    {
        var globals = new RubricGlobals(TestContext.CurrentContext.WorkDirectory);
        globals.Rubric("hw7", r => r
            .Question("4.a").Criterion("HW7-03", "Numbers grounded in the blog", 2).NumbersGrounded(allow: ["GPT-4", "ImageNet"])
            .Criterion("HW7-03b", "Names in the blog", 0).IdentifiersGrounded("GPT-4"));
        var checks = globals.BuildRubric().Criteria.Select(c => c.Check).ToList();
        Assert.That(checks[0], Is.TypeOf<NumbersGroundedCheck>());
        Assert.That(checks[0].Describe(), Does.Contain("RE0002").And.Contain("GPT-4 and ImageNet"));
        Assert.That(checks[1], Is.TypeOf<UngroundedIdentifierCheck>());
    }

    private const string ServingReport = """
        # Serving a 7B model on one A100

        Median time to first token fell from 820 ms to 190 ms. The server produces 2,450 tokens per second, about
        2.6 times what the four T4s managed. The whole migration took 42 minutes of downtime. INT8 lowered exact match
        from 81.2% to 80.7%, half a
        percentage point, which we accept.
        """;

    private static (Answer Answer, CheckResult Result) RunOnReport(string markdown)
    {
        var answer = Answer(markdown, rubricSources: [new SourceText("serving-report.md", null, ServingReport)]);
        return (answer, new NumbersGroundedCheck().Evaluate(answer));
    }

    private static string[] Flagged(Answer answer, CheckResult result) =>
        result.Evidence.Where(e => e.Severity is null).Select(answer.TextOf).ToArray();

    [Test]
    public void A_figure_that_rounds_to_a_source_figure_only_by_more_than_a_tenth_is_not_grounded()
    {
        const string md = """
            **Throughput.** The A100 serves **3x** the tokens of the T4 setup (the report: 2.6×).

            **Downtime.** About 1 hour in total — roughly 40 minutes of it spent on the switch itself.
            """;
        var (answer, result) = RunOnReport(md);

        // 3x and "about 1 hour" round to 2.6 times and 42 minutes only at one significant digit: another figure.
        Assert.That(Flagged(answer, result), Is.EqualTo(new[] { "3x", "About 1 hour" }), result.Message);
        Assert.That(result.Message, Does.Not.Contain("2.6"));
    }

    [Test]
    public void A_reply_that_says_it_cannot_see_the_report_is_held_to_figures_exactly_as_the_report_gives_them()
    {
        const string md = """
            I'm not able to open the report you mentioned, but moving a 7B model to an A100 typically gives around 2,500 tokens/s, and INT8 usually costs less than 1 point of exact match; 820 ms is a common starting point.
            """;
        var (answer, result) = RunOnReport(md);

        Assert.That(Flagged(answer, result), Is.EqualTo(new[] { "around 2,500", "less than 1 point" }), result.Message);
        Assert.That(result.Message, Does.Contain("the reply says it cannot see them, so only figures given exactly as in the sources count"));
    }

    [Test]
    public void The_same_figures_in_a_reply_that_reads_the_report_may_be_rounded()
    {
        const string md = "The report gives around 2,500 tokens/s of throughput and a drop of 0.5 points in exact match.";
        var (_, result) = RunOnReport(md);

        Assert.That(result.Passed, Is.True, result.Message);
    }

    [Test]
    public void A_count_of_things_is_not_grounded_by_a_multiplier_with_the_same_digits()
    {
        const string md = "Mixed precision gave the **3x** speedup; with 3 remaining tricks the rest of the gain is small.";
        var answer = Answer(md, rubricSources: RubricSources);
        var result = new NumbersGroundedCheck().Evaluate(answer);

        Assert.That(Flagged(answer, result), Is.EqualTo(new[] { "3" }), result.Message);
        Assert.That(result.Evidence.Single(e => e.Severity is null).Message,
            Is.EqualTo("3 is not in the sources (the sources use that number for another quantity)."), "the blog does say 3x: the comment must not deny it");
    }

    [Test]
    public void Percentage_points_are_grounded_by_points_not_by_a_percentage()
    {
        const string md = """
            | Metric | Before | After |
            |---|---|---|
            | Exact match | 81.2% | 80.7% |

            Quantization costs **0.5 points** of exact match; the report's 2.6× throughput makes up for it.
            """;
        var (_, result) = RunOnReport(md);
        Assert.That(result.Passed, Is.True, "half a percentage point is 0.5 points: " + result.Message);

        var index = GroundingIndex.Build(["Accuracy rose by 0.5% over the baseline."]);
        var points = new List<Quantity>();
        NumberScanner.Scan("a gain of 0.5 points", NumberScanner.Mode.Claims, points, null);
        Assert.That(index.Grounds(points.Single()), Is.False, "0.5% of a figure is not 0.5 percentage points");
    }

    [Test]
    public void A_search_status_line_of_the_export_is_not_a_claim()
    {
        // DeepSeek and ChatGPT exports keep the search tool's status line above or below the reply.
        const string md = """
            Read 10 web pages
            I could not find the post itself, but the figures you quoted say **94%** in 341 s.

            Searched 5 sites

            Other write-ups mention about 12 tricks in total.
            10 web pages
            """;
        var answer = Answer(md, rubricSources: RubricSources);
        var result = new NumbersGroundedCheck().Evaluate(answer);

        Assert.That(Flagged(answer, result), Is.EqualTo(new[] { "about 12" }), result.Message);
    }
}
