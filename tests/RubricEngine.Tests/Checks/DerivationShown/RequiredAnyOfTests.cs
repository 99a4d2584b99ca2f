using RubricEngine.Checks;
using RubricEngine.Tests.Checks.ConditionsUsed;

namespace RubricEngine.Tests.Checks.DerivationShown;

/// <summary><c>requires:</c> with alternatives: Θ(n) or cn, either is the linear bound (issue 15, point 3).</summary>
public sealed class RequiredAnyOfTests
{
    private static DerivationShownCheck Check() => new(1, [RequiredExpression.AnyOf("the linear bound", @"\Theta(n)", "cn")]);

    [TestCase(@"Unrolling, $T(n) = T(n-1) + c = T(n-2) + 2c = cn$.")]
    [TestCase(@"Unrolling, $T(n) = T(n-1) + c = T(n-2) + 2c$, so $T(n) = \Theta(n)$.")]
    public void Any_one_form_of_the_required_expression_is_enough(string reply)
    {
        var result = Check().Evaluate(MathAnswerFactory.Single("2.a", reply));

        Assert.That(result.Message, Does.Not.Contain("linear bound is not shown"), result.Message);
    }

    [Test]
    public void Neither_form_is_named_in_the_comment()
    {
        var result = Check().Evaluate(MathAnswerFactory.Single("2.a", @"Unrolling, $T(n) = T(n-1) + c = T(n-2) + 2c = n^2$."));

        Assert.That(result.Message, Does.Contain("The linear bound is not shown."));
        Assert.That(result.Score, Is.LessThan(1));
    }
}
