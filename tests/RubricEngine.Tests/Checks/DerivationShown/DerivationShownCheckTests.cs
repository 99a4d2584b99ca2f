using RubricEngine.Checks;

namespace RubricEngine.Tests.Checks.DerivationShown;

public sealed class DerivationShownCheckTests
{
    private const string TraceExpansion = @"\operatorname{tr}((X - W_2W_1X)^\top(X - W_2W_1X))";

    // A typical LLM derivation: bold step markers, \mathbf, \top, $$…$$ and \[…\].
    private const string FullDerivation = """
        **Step 1: Expand the Frobenius norm.** Using $\|A\|_F^2 = \operatorname{tr}(A^\top A)$,

        $$
        L(\mathbf{W}_1, \mathbf{W}_2) = \left\|\mathbf{X} - \mathbf{W}_2\mathbf{W}_1\mathbf{X}\right\|_F^2 = \mathrm{tr}\left[(\mathbf{X} - \mathbf{W}_2\mathbf{W}_1\mathbf{X})^{\top}(\mathbf{X} - \mathbf{W}_2\mathbf{W}_1\mathbf{X})\right]
        $$

        **Step 2: Differentiate with respect to $W_1$** by the chain rule:

        \[
        \nabla_{W_1} L = -2 W_2^\top (X - W_2 W_1 X) X^\top
        \]

        **Step 3: Differentiate with respect to $W_2$:**

        $$\nabla_{W_2} L = -2 (X - W_2 W_1 X) X^\top W_1^\top$$

        **Step 4: Set both gradients to zero.** Therefore

        $$\boxed{W_2^\top (X - W_2 W_1 X) X^\top = 0, \quad (X - W_2 W_1 X) X^\top W_1^\top = 0}$$
        """;

    private static DerivationShownCheck Hw7Check() =>
        new(3, [new RequiredExpression(TraceExpansion, "the expansion of the Frobenius norm as a trace")]);

    [Test]
    public void Full_derivation_with_the_trace_expansion_gets_full_points()
    {
        var result = Hw7Check().Evaluate(MathAnswerFactory.Single("3.b.i", FullDerivation));
        Assert.That(result.Score, Is.EqualTo(1), result.Message);
        Assert.That(result.Message, Does.StartWith("Shows "));
        Assert.That(result.Evidence, Is.Empty);
    }

    [Test]
    public void Bare_statement_of_the_result_gets_nothing_and_points_at_it()
    {
        const string answer = """
            The first-order optimality conditions are
            $$W_2^T (X - W_2 W_1 X) X^T = 0 \quad\text{and}\quad (X - W_2 W_1 X) X^T W_1^T = 0.$$
            """;
        var a = MathAnswerFactory.Single("3.b.i", answer);
        var result = Hw7Check().Evaluate(a);
        Assert.That(result.Score, Is.EqualTo(0));
        Assert.That(result.Message, Is.EqualTo("Shows 0 steps before the result; 3 expected. The expansion of the Frobenius norm as a trace is not shown."));
        var evidence = result.Evidence.Single();
        Assert.That(a.Document.Slice(evidence.Span), Does.StartWith("$$W_2^T"));
    }

    [Test]
    public void A_gradient_taken_of_the_objective_without_lines_leading_to_it_is_no_step()
    {
        const string answer = """
            Taking gradients of $L = \|X - W_2W_1X\|_F^2$:

            $$\frac{\partial L}{\partial W_1} = -2W_2^\top(X - W_2W_1X)X^\top = 0$$
            """;
        var result = Hw7Check().Evaluate(MathAnswerFactory.Single("3.b.i", answer));
        Assert.That(result.Message, Is.EqualTo(@"Shows 0 steps before the result; 3 expected. States $\frac{\partial L}{\partial W_1}$ directly after the objective, without the lines that lead to it. The expansion of the Frobenius norm as a trace is not shown."));
        Assert.That(result.Score, Is.Zero);
    }

    [Test]
    public void Numbered_items_that_state_gradients_with_a_chain_rule_remark_are_not_steps()
    {
        const string answer = """
            1. Write $L = \|X - W_2W_1X\|_F^2$.
            2. Differentiate using the chain rule: $\nabla_{W_1} L = -2W_2^\top(X - W_2W_1X)X^\top$.
            3. Similarly $\nabla_{W_2} L = -2(X - W_2W_1X)X^\top W_1^\top$.
            4. Setting both to zero gives $W_2^\top(X - W_2W_1X)X^\top = 0$.
            """;
        var result = Hw7Check().Evaluate(MathAnswerFactory.Single("3.b.i", answer));
        Assert.That(result.Score, Is.Zero, result.Message);
        Assert.That(result.Message, Does.StartWith("Shows 0 steps before the result; 3 expected. States $\\nabla_{W_1} L$ directly after the objective"));
        Assert.That(result.Message, Does.EndWith("The expansion of the Frobenius norm as a trace is not shown."));
    }

    [Test]
    public void Trace_expansion_written_term_by_term_still_counts_as_the_required_expression()
    {
        const string answer = """
            Step 1: $L = \text{Tr}(X^TX) - 2\,\text{Tr}(X^T W_2 W_1 X) + \text{Tr}(X^T W_1^T W_2^T W_2 W_1 X)$ by linearity of the trace.

            Step 2: $\nabla_{W_1} L = -2W_2^T X X^T + 2 W_2^T W_2 W_1 X X^T$.

            Step 3: $\nabla_{W_2} L = -2 X X^T W_1^T + 2 W_2 W_1 X X^T W_1^T$.

            So $W_2^T(X - W_2W_1X)X^T = 0$.
            """;
        var result = Hw7Check().Evaluate(MathAnswerFactory.Single("3.b.i", answer));
        Assert.That(result.Score, Is.EqualTo(1), result.Message);
    }

    [Test]
    public void Chain_of_equalities_counts_each_link_before_the_last()
    {
        const string answer = """
            $$
            \begin{aligned}
            L &= \|X - W_2 W_1 X\|_F^2 \\
              &= \operatorname{tr}\big((X - W_2W_1X)^\top (X - W_2W_1X)\big) \\
              &= \operatorname{tr}(X^\top X) - 2\operatorname{tr}(X^\top W_2 W_1 X) + \operatorname{tr}(X^\top W_1^\top W_2^\top W_2 W_1 X) \\
              &= \|X\|_F^2 - 2\operatorname{tr}(W_1 X X^\top W_2) + \|W_2 W_1 X\|_F^2
            \end{aligned}
            $$
            """;
        var result = new DerivationShownCheck(3).Evaluate(MathAnswerFactory.Single("3.b.i", answer));
        Assert.That(result.Message, Is.EqualTo("Shows 3 steps before the result."));
        Assert.That(result.Score, Is.EqualTo(1));
    }

    [Test]
    public void Prose_only_answer_has_no_equation_and_says_so()
    {
        var result = new DerivationShownCheck(2).Evaluate(MathAnswerFactory.Single("3.b.i",
            "The conditions are that both gradients vanish, which is the standard result."));
        Assert.That(result.Score, Is.EqualTo(0));
        Assert.That(result.Message, Is.EqualTo(@"No equation in math notation ($…$, $$…$$, \[…\]) was found and no line derives one in plain text, so no step could be counted."));
        Assert.That(result.Evidence, Has.Count.EqualTo(1));
    }

    [Test]
    public void Steps_copied_from_a_pdf_without_math_notation_are_counted_as_plain_text_equations()
    {
        const string answer = """
            Step 1: Expanding the norm, L = tr(X^T X) - 2 tr(X^T W2 W1 X) + tr(X^T W1^T W2^T W2 W1 X).

            Step 2: Differentiating, grad_W1 L = -2 W2^T X X^T + 2 W2^T W2 W1 X X^T.

            Step 3: Setting it to zero gives W2^T (X - W2 W1 X) X^T = 0.
            """;
        var result = new DerivationShownCheck(3).Evaluate(MathAnswerFactory.Single("3.b.i", answer));
        Assert.That(result.Score, Is.EqualTo(1), result.Message);
        Assert.That(result.Message, Is.EqualTo("Shows 3 steps written as plain-text equations (no math notation)."));
    }

    [Test]
    public void Scripted_api_registers_the_check() =>
        Assert.That(new DerivationShownCheck(3, [new RequiredExpression(TraceExpansion, "the trace expansion")]).Describe(),
            Is.EqualTo("RE0004 DerivationShown(minSteps: 3, requires: the trace expansion)"));

    [Test]
    public void Zero_min_steps_is_a_rubric_error() =>
        Assert.Throws<RubricEngine.Rubrics.RubricDefinitionException>(() => _ = new DerivationShownCheck(0));
}
