using RubricEngine.Checks;

namespace RubricEngine.Tests.Checks.DerivationShown;

/// <summary>Issue 12, point 5: a step is a transformation of the previous line, and the comment says what was counted.</summary>
public sealed class DerivationStepsTests
{
    private const string TraceExpansion = @"\operatorname{tr}((X - W_2W_1X)^\top(X - W_2W_1X))";

    private static DerivationShownCheck Hw7Check() =>
        new(3, [new RequiredExpression(TraceExpansion, "the expansion of the Frobenius norm as a trace")]);

    // The grader's case: the objective, then the gradient stated straight away, then set to zero; bold headings and \mathbf.
    private const string GradientStatedDirectly = """
        ## Part (i)

        The objective is $L = \|\mathbf{X} - \mathbf{W}_2\mathbf{W}_1\mathbf{X}\|_F^2$.

        **Gradient with respect to $\mathbf{W}_2$:**
        $$\nabla_{\mathbf{W}_2} L = -2(\mathbf{X} - \mathbf{W}_2\mathbf{W}_1\mathbf{X})\mathbf{X}^\top\mathbf{W}_1^\top$$

        **Gradient with respect to $\mathbf{W}_1$:**
        $$\nabla_{\mathbf{W}_1} L = -2\mathbf{W}_2^\top(\mathbf{X} - \mathbf{W}_2\mathbf{W}_1\mathbf{X})\mathbf{X}^\top$$

        **Optimality conditions.** Setting the gradients to zero gives
        $$\mathbf{W}_2^\top(\mathbf{X} - \mathbf{W}_2\mathbf{W}_1\mathbf{X})\mathbf{X}^\top = \mathbf{0}$$
        $$(\mathbf{X} - \mathbf{W}_2\mathbf{W}_1\mathbf{X})\mathbf{X}^\top\mathbf{W}_1^\top = \mathbf{0}$$
        """;

    [Test]
    public void Gradients_stated_right_after_the_objective_are_not_steps()
    {
        var result = Hw7Check().Evaluate(MathAnswerFactory.Single("3.b.i", GradientStatedDirectly));
        Assert.That(result.Score, Is.LessThan(0.5), result.Message);
        Assert.That(result.Message, Does.Not.Contain("Shows 7 steps"));
        Assert.That(result.Message, Does.Contain("directly after the objective"));
        Assert.That(result.Message, Does.Contain("The expansion of the Frobenius norm as a trace is not shown."));
    }

    [Test]
    public void Step_headings_that_announce_work_without_doing_it_are_not_steps()
    {
        const string md = """
            **Step 1.** Compute the gradient of $L$ with respect to $W_1$.

            **Step 2.** Compute the gradient with respect to $W_2$.

            **Step 3.** Set both to zero:

            $$W_2^\top (X - W_2 W_1 X) X^\top = 0,\qquad (X - W_2 W_1 X) X^\top W_1^\top = 0.$$
            """;
        var result = new DerivationShownCheck(3).Evaluate(MathAnswerFactory.Single("3.b.i", md));
        Assert.That(result.Passed, Is.False, result.Message);
        Assert.That(result.Message, Does.StartWith("Shows 0 steps"));
    }

    [Test]
    public void A_real_expansion_and_differentiation_still_count_as_steps()
    {
        const string md = """
            We have $L(W_1, W_2) = \|X - W_2W_1X\|_F^2$.

            Using $\|A\|_F^2 = \operatorname{tr}(A^\top A)$,
            $$L = \operatorname{tr}\big((X - W_2W_1X)^\top (X - W_2W_1X)\big) = \operatorname{tr}(X^\top X) - 2\operatorname{tr}(X^\top W_2W_1X) + \operatorname{tr}(X^\top W_1^\top W_2^\top W_2W_1X).$$

            Differentiating with respect to $W_2$,
            $$\nabla_{W_2}L = -2XX^\top W_1^\top + 2W_2W_1XX^\top W_1^\top = -2(X - W_2W_1X)X^\top W_1^\top.$$

            Setting it to zero: $(X - W_2W_1X)X^\top W_1^\top = 0$.
            """;
        var result = Hw7Check().Evaluate(MathAnswerFactory.Single("3.b.i", md));
        Assert.That(result.Score, Is.EqualTo(1), result.Message);
    }
}
