using RubricEngine.Checks;
using RubricEngine.Rubrics;

namespace RubricEngine.Tests.Checks.ConditionsUsed;

public sealed class ConditionsUsedCheckTests
{
    // 3.b.i as an LLM writes it: labeled with \tag and a trailing (2).
    private const string Conditions = """
        ### Part (i): First-order optimality conditions

        Expanding $L = \operatorname{tr}\left((X - W_2W_1X)^\top (X - W_2W_1X)\right)$ and differentiating:

        $$\nabla_{W_1} L = -2\,\mathbf{W}_2^\top(\mathbf{X} - \mathbf{W}_2\mathbf{W}_1\mathbf{X})\mathbf{X}^\top = 0 \tag{1}$$

        $$\nabla_{W_2} L = -2\,(X - W_2 W_1 X) X^T W_1^T = 0 \quad (2)$$
        """;

    private static ConditionsUsedCheck Hw7Check() => new("3.b.i", [("W_1", @"U_k^\top"), ("W_2", "U_k")]);

    private static CheckResult Grade(string earlier, string later)
    {
        var answers = MathAnswerFactory.Chat(("3.b.i", earlier), ("3.b.ii", later));
        return Hw7Check().Evaluate(answers[1]);
    }

    [Test]
    public void Both_conditions_with_the_substitution_get_full_points()
    {
        const string later = """
            **Substituting** $W_1 = U_k^\top$ and $W_2 = U_k$ into condition (1):

            \[ U_k^\top (X - U_k U_k^\top X) X^\top = U_k^\top X X^\top - U_k^\top U_k U_k^\top X X^\top = U_k^\top XX^\top - U_k^\top XX^\top = 0 \]

            - Condition (2): $$(X - U_kU_k^T X)X^T U_k = XX^TU_k - U_kU_k^TXX^TU_k = U_k\Lambda_k - U_k\Lambda_k = 0$$
            """;
        var result = Grade(Conditions, later);
        Assert.That(result.Score, Is.EqualTo(1), result.Message);
        Assert.That(result.Message, Is.EqualTo(@"Uses condition (1) and condition (2) with $W_1 = U_k^\top$, $W_2 = U_k$ substituted."));
    }

    [Test]
    public void Expanded_and_rearranged_equation_with_sides_swapped_still_counts()
    {
        const string later = """
            From (1): $U_k^T X X^T = U_k^T U_k U_k^T X X^T$, which holds since $U_k^T U_k = I$.
            From (2): $U_k U_k^\top X X^\top U_k = X X^\top U_k$.
            """;
        Assert.That(Grade(Conditions, later).Score, Is.EqualTo(1));
    }

    [Test]
    public void Reference_without_the_substituted_equation_gets_half_of_its_share()
    {
        const string later = """
            Plugging in, condition (1) is clearly satisfied.

            For (2): $$(X - U_k U_k^\top X) X^\top U_k = 0$$
            """;
        var result = Grade(Conditions, later);
        Assert.That(result.Score, Is.EqualTo(0.75));
        Assert.That(result.Message, Does.Contain(@"Condition (1) is cited but never written out with $W_1 = U_k^\top$, $W_2 = U_k$ substituted"));
        Assert.That(result.Evidence.Any(e => e.Message.StartsWith("Cites condition (1)")), Is.True);
    }

    [Test]
    public void Identities_alone_earn_nothing()
    {
        const string later = """
            The principal components are orthonormal: $U_k^\top U_k = I$, and $X X^\top U_k = U_k \Lambda_k$.
            Also trivially $U_k = U_k$. Hence the result holds.
            """;
        var answers = MathAnswerFactory.Chat(("3.b.i", Conditions), ("3.b.ii", later));
        var result = Hw7Check().Evaluate(answers[1]);
        Assert.That(result.Score, Is.EqualTo(0));
        Assert.That(result.Message, Does.Contain(@"Condition (2) is never used: substitute $W_1 = U_k^\top$, $W_2 = U_k$ into it and show both sides agree."));
        var flagged = result.Evidence.Select(e => answers[1].Document.Slice(e.Span)).ToList();
        Assert.That(flagged, Has.Some.Contains(@"U_k^\top U_k = I"));
    }

    [Test]
    public void Saying_the_conditions_hold_without_naming_or_showing_them_earns_nothing()
    {
        const string later = """
            The principal components are the optimal linear encoder, so they satisfy the conditions.
            """;
        var result = Grade(Conditions, later);
        Assert.That(result.Score, Is.EqualTo(0));
        Assert.That(result.Message, Does.Contain("Condition (1) is never used"));
    }

    [Test]
    public void Restating_the_condition_without_substituting_does_not_count_as_using_it()
    {
        const string later = """
            We need $W_2^\top (X - W_2 W_1 X) X^\top = 0$ and $(X - W_2W_1X)X^\top W_1^\top = 0$ to hold.
            """;
        Assert.That(Grade(Conditions, later).Score, Is.EqualTo(0));
    }

    [Test]
    public void Missing_earlier_answer_fails_and_names_the_question()
    {
        var answer = MathAnswerFactory.Single("3.b.ii", @"Substituting, $U_k^\top(X - U_kU_k^\top X)X^\top = 0$.");
        var result = Hw7Check().Evaluate(answer);
        Assert.That(result.Score, Is.EqualTo(0));
        Assert.That(result.Message, Does.StartWith("No answer to 3.b.i was found"));
    }

    [Test]
    public void Earlier_answer_given_after_the_later_one_is_still_found()
    {
        var answers = MathAnswerFactory.Chat(
            ("3.b.ii", @"From (1): $U_k^\top(X - U_kU_k^\top X)X^\top = 0$ and from (2): $(X - U_kU_k^\top X)X^\top U_k = 0$."),
            ("3.b.i", Conditions));
        Assert.That(Hw7Check().Evaluate(answers[0]).Score, Is.EqualTo(1));
    }

    [Test]
    public void Boxed_conditions_are_found_when_nothing_is_labeled()
    {
        const string earlier = """
            Setting the gradients to zero:
            $$\boxed{W_2^T(X - W_2W_1X)X^T = 0}$$
            $$\boxed{(X - W_2W_1X)X^TW_1^T = 0}$$
            """;
        var result = Grade(earlier, @"The first condition becomes $U_k^T(X - U_kU_k^TX)X^T = 0$.");
        Assert.That(result.Score, Is.EqualTo(0.5), result.Message);
        Assert.That(result.Message, Does.Contain("Condition 2 is never used"));
    }

    [Test]
    public void Describe_names_the_question_and_substitutions() =>
        Assert.That(Hw7Check().Describe(), Is.EqualTo(@"RE0005 ConditionsUsed(from: 3.b.i, substitute: $W_1 = U_k^\top$, $W_2 = U_k$)"));
}
