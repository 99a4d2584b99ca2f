using RubricEngine.Checks;
using RubricEngine.Rubrics;
using static RubricEngine.Tests.Checks.TextAnswerFactory;

namespace RubricEngine.Tests.Checks.AnswerKey;

/// <summary>Issue 12, points 7 and 8: answers after a part label, summary tables, and math answers not phrased as answers.</summary>
public sealed class AnswerStatementShapesTests
{
    [TestCase("**3(a)** B")]
    [TestCase("**(a)** B")]
    [TestCase("**3(a)** **B**")]
    [TestCase("**3(a):** B. The encoder output is reused at every step.")]
    public void An_answer_after_a_bold_part_label_states_that_answer(string md)
    {
        var result = new AnswerCheck("B").Evaluate(Answer(md, question: "3.a"));
        Assert.That(result.Passed, Is.True, result.Message);
        Assert.That(result.Message, Is.EqualTo("The stated answer is B."));
    }

    [Test]
    public void A_wrong_answer_after_a_part_label_names_the_letter_alone()
    {
        var result = new AnswerCheck("B").Evaluate(Answer("**3(a)** C", question: "3.a"));
        Assert.That(result.Message, Is.EqualTo("The stated final answer is C; the expected answer is B."));
    }

    [Test]
    public void A_closing_summary_table_is_read_on_the_row_of_the_answers_own_question()
    {
        const string md = """
            **1(b)** Both algorithms sort by comparisons, so neither can beat the lower bound.

            ### Summary

            | Part | Answer |
            |---|---|
            | 1(a) | Insertion sort |
            | 1(b) | Θ(n log n) |
            | 3(b) | Heapsort |
            """;
        var answer = Answer(md, question: "1.b");
        Assert.That(answer.Segment.Restatements, Is.Not.Empty, "the factory marks the closing table as a restatement");
        var result = new AnswerCheck(@"\Theta(n \log n)").Evaluate(answer);
        Assert.That(result.Passed, Is.True, result.Message);
        Assert.That(new AnswerCheck("Heapsort").Evaluate(answer).Passed, Is.False);
    }

    [TestCase("Merge sort also runs in Θ(n log n), since the recursion tree has log n levels of n work each.")]
    [TestCase("So the running time is $\\Theta(n\\log n)$.")]
    [TestCase("The recurrence $T(n) = 2T(n/2) + n$ solves to $T(n) = \\Theta(n \\log n)$ by the master theorem.")]
    [TestCase("Therefore merge sort takes $\\Theta(n \\lg n)$ time in the worst case.")]
    public void A_math_answer_stated_as_the_result_matches_after_normalization(string md)
    {
        var result = new AnswerCheck(@"\Theta(n \log n)").Evaluate(Answer(md, question: "1.b"));
        Assert.That(result.Passed, Is.True, result.Message);
    }

    [Test]
    public void An_allowed_alternative_is_accepted_and_a_different_bound_is_not()
    {
        Assert.That(new AnswerCheck(@"\Theta(n \log n)", @"O(n \log n)").Evaluate(Answer("Merge sort runs in $O(n \\log n)$.", question: "1.b")).Passed, Is.True);
        var wrong = new AnswerCheck(@"\Theta(n \log n)").Evaluate(Answer("Merge sort runs in $\\Theta(n^2)$ in the worst case.", question: "1.b"));
        Assert.That(wrong.Passed, Is.False);
        Assert.That(wrong.Message, Does.Contain("n^2").Or.Contain("n²"));
    }

    [Test]
    public void A_formula_merely_mentioned_before_another_result_is_not_the_answer()
    {
        const string md = "Unlike heapsort's $\\Theta(n \\log n)$, counting sort runs in $\\Theta(n + k)$ time.";
        Assert.That(new AnswerCheck(@"\Theta(n \log n)").Evaluate(Answer(md, question: "1.b")).Passed, Is.False);
    }
}

/// <summary>The normal forms behind RE0006's math answers.</summary>
public sealed class MathAnswerTests
{
    [TestCase(@"\Theta(n \log n)", "Θ(n log n)")]
    [TestCase(@"\Theta(n \log n)", @"\Theta\left(n\lg n\right)")]
    [TestCase(@"O(n^2)", @"\mathcal{O}(n^{2})")]
    public void Notations_of_one_bound_normalize_alike(string a, string b) =>
        Assert.That(MathAnswer.Key(b).Normalized, Is.EqualTo(MathAnswer.Key(a).Normalized));

    [Test]
    public void Different_bounds_differ() =>
        Assert.That(MathAnswer.Key("Θ(n^2)").Normalized, Is.Not.EqualTo(MathAnswer.Key(@"\Theta(n \log n)").Normalized));
}
