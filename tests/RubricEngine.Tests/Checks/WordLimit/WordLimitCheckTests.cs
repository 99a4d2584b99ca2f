using RubricEngine.Checks;
using RubricEngine.Rubrics;
using static RubricEngine.Tests.Checks.TextAnswerFactory;

namespace RubricEngine.Tests.Checks.WordLimit;

public sealed class WordLimitCheckTests
{
    private static string Words(int n, string word = "word") => string.Join(' ', Enumerable.Repeat(word, n));

    private static CheckResult Run(string markdown, int max, int min = 0, int tolerance = 0, bool includeMath = false, bool includeCode = false) =>
        new WordLimitCheck(new WordLimitOptions(max, min, tolerance)
        {
            Counting = new WordCountOptions { IncludeMath = includeMath, IncludeCode = includeCode },
        }).Evaluate(Answer(markdown));

    [Test]
    public void Markup_is_not_counted_as_words()
    {
        const string md = """
            **Summary.** The *network* trains _fast_ on `CIFAR10`.

            - first point here
            - second point — here
            1. third point
            > quoted words count
            """;
        // Summary The network trains fast on <code> | first point here | second point here | third point | quoted words count
        Assert.That(WordCounter.Count(Answer(md).Blocks), Is.EqualTo(7 + 3 + 3 + 2 + 3));
    }

    [Test]
    public void Inline_formula_is_one_word_and_display_math_is_left_out_by_default()
    {
        const string md = """
            The loss $L(W_1, W_2) = \|X - W_2 W_1 X\|_F^2$ is minimized along the $x$-axis.

            $$
            \nabla_{W_1} L = -2 W_2^\top (X - W_2 W_1 X) X^\top
            $$
            """;
        var answer = Answer(md);
        Assert.That(WordCounter.Count(answer.Blocks), Is.EqualTo(8));
        Assert.That(WordCounter.Count(answer.Blocks, new WordCountOptions { IncludeMath = true }), Is.EqualTo(9));
    }

    [Test]
    public void Code_blocks_are_left_out_unless_included()
    {
        const string md = "Use the loss below.\n\n```python\nloss = nn.MSELoss()\n```\n";
        var answer = Answer(md);
        Assert.That(WordCounter.Count(answer.Blocks), Is.EqualTo(4));
        Assert.That(WordCounter.Count(answer.Blocks, new WordCountOptions { IncludeCode = true }), Is.EqualTo(6));
    }

    [Test]
    public void Table_cells_count_but_pipes_do_not()
    {
        const string md = "Results:\n\n| Metric | Value |\n|---|---|\n| accuracy | 94% |\n\nThat is all.";
        Assert.That(WordCounter.Count(Answer(md).Blocks), Is.EqualTo(1 + 4 + 3));
    }

    [Test]
    public void Closing_summary_table_restates_the_answer_and_is_not_counted()
    {
        var md = $"""
            {Words(95)}

            ### Summary

            | Question | Answer |
            |---|---|
            | 4.b | {Words(30, "restated")} |
            """;
        var answer = Answer(md, question: "4.b");
        Assert.That(answer.Segment.Restatements, Is.Not.Empty, "the factory marks the summary table as a restatement");
        Assert.That(WordCounter.Count(answer.Blocks), Is.EqualTo(95));
        Assert.That(Run(md, 100).Passed, Is.True);
    }

    [Test]
    public void Headings_inside_the_answer_are_not_counted_by_default()
    {
        const string md = "## 4.b Summary in about 100 words\n\nTraining takes minutes now.";
        var answer = Answer(md);
        Assert.That(WordCounter.Count(answer.Blocks), Is.EqualTo(4));
        Assert.That(WordCounter.Count(answer.Blocks, new WordCountOptions { IncludeHeadings = true }), Is.EqualTo(10));
    }

    [Test]
    public void Over_the_limit_fails_with_the_count_and_marks_where_to_cut()
    {
        var md = $"**Step 1:** {Words(98)} cut here and {Words(80)}";
        var answer = Answer(md);
        var result = new WordLimitCheck(new WordLimitOptions(100)).Evaluate(answer);

        Assert.That(result.Score, Is.Zero);
        Assert.That(result.Message, Is.EqualTo("Answer is 183 words; the limit is 100 (83 over)."));
        var evidence = result.Evidence.Single();
        Assert.That(answer.TextOf(evidence), Does.StartWith("cut here and word"));
        Assert.That(answer.TextOf(evidence), Does.EndWith("word"));
        Assert.That(evidence.Span.End, Is.EqualTo(md.Length));
    }

    [Test]
    public void Exactly_at_the_limit_passes()
    {
        Assert.That(Run(Words(100), 100).Passed, Is.True);
        Assert.That(Run(Words(101), 100).Passed, Is.False);
    }

    [Test]
    public void Tolerance_gives_slack_for_about_n_words()
    {
        Assert.That(Run(Words(108), 100, tolerance: 10).Passed, Is.True);
        var over = Run(Words(111), 100, tolerance: 10);
        Assert.That(over.Passed, Is.False);
        Assert.That(over.Message, Is.EqualTo("Answer is 111 words; the limit is about 100 (11 over)."));
    }

    [Test]
    public void Too_short_fails_with_the_shortfall()
    {
        var result = Run("Just one sentence of six words.", 100, min: 50);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Message, Does.StartWith("Answer is 6 words; at least 50 are required"));
        Assert.That(result.Message, Does.Contain("44 short"));
    }

    [Test]
    public void One_word_reads_as_words_not_digits()
    {
        var result = Run("Hi", 100, min: 2);
        Assert.That(result.Message, Does.StartWith("Answer is one word;"));
    }

    [Test]
    public void Bad_options_are_a_rubric_error()
    {
        Assert.Throws<RubricDefinitionException>(() => _ = new WordLimitCheck(new WordLimitOptions(10, Min: 20)));
        Assert.Throws<RubricDefinitionException>(() => _ = new WordLimitCheck(new WordLimitOptions(-1)));
    }

    [Test]
    public void Rubric_extension_attaches_the_check()
    {
        var rubric = new RubricGlobals(TestContext.CurrentContext.WorkDirectory);
        rubric.Rubric("hw7", r => r.Question("4.b").Criterion("HW7-04", "About 100 words").WordLimit(100, tolerance: 10));
        var check = rubric.BuildRubric().Criteria.Single().Check;
        Assert.That(check, Is.TypeOf<WordLimitCheck>());
        Assert.That(check.Describe(), Does.Contain("RE0001").And.Contain("at most 100"));
    }
}
