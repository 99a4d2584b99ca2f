using RubricEngine.Checks;
using RubricEngine.Rubrics;

namespace RubricEngine.Tests.Checks.ConditionsUsed;

/// <summary>What a TA means by a substitution is not always a variable: a constant, or a product (issue 15, point 3).</summary>
public sealed class ConditionsSubstitutionFormsTests
{
    private const string Recurrence = """
        **1(a)** Splitting the input in two halves and merging in linear time gives

        $$T(n) = 2T(n/2) + n \tag{1}$$
        """;

    [Test]
    public void A_recurrence_with_a_constant_replaced_earns_full_credit()
    {
        var answers = MathAnswerFactory.Chat(("1.a", Recurrence), ("1.b", """
            **1(b)** With three halves of a third each, recurrence (1) with 2 replaced by 3 reads

            $$T(n) = 3T(n/3) + n$$

            so by the master theorem $T(n) = \Theta(n \log n)$.
            """));
        var check = new ConditionsUsedCheck("1.a", [("2", "3")]);

        var result = check.Evaluate(answers[1]);

        Assert.That(result.Score, Is.EqualTo(1), result.Message);
    }

    [Test]
    public void Only_citing_the_recurrence_without_the_new_constant_earns_the_citation_share()
    {
        var answers = MathAnswerFactory.Chat(("1.a", Recurrence), ("1.b", """
            **1(b)** Recurrence (1) still applies, so $T(n) = 2T(n/2) + n$ again.
            """));
        var check = new ConditionsUsedCheck("1.a", [("2", "3")]);

        Assert.That(check.Evaluate(answers[1]).Score, Is.LessThan(1));
    }

    [Test]
    public void A_product_can_be_replaced_by_a_name()
    {
        var answers = MathAnswerFactory.Chat(
            ("3.b.i", """
                Setting the gradient to zero:
                $$W_2^\top (X - W_2 W_1 X) X^\top = 0 \tag{1}$$
                """),
            ("3.b.ii", """
                Write $P = W_2 W_1$ for the projection. Then condition (1) reads $W_2^\top (X - P X) X^\top = 0$.
                """));
        var check = new ConditionsUsedCheck("3.b.i", [("W_2 W_1", "P")]);

        Assert.That(check.Evaluate(answers[1]).Score, Is.EqualTo(1));
    }

    [Test]
    public void A_sum_cannot_be_substituted_and_the_rubric_says_so()
    {
        var e = Assert.Throws<RubricDefinitionException>(() => new ConditionsUsedCheck("1.a", [("a + b", "c")]));
        Assert.That(e!.Message, Does.Contain("'a + b' cannot be substituted"));
    }
}
