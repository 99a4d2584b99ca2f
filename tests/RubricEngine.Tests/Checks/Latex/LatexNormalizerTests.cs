using RubricEngine.Checks.Latex;

namespace RubricEngine.Tests.Checks.Latex;

public sealed class LatexNormalizerTests
{
    private static string N(string latex) => LatexNormalizer.Default.Normalize(latex);

    [TestCase(@"\mathbf{X}^T \mathbf{W}_1^T", @"X^\top W_{1}^{\top}")]
    [TestCase(@"\boldsymbol{X}^{\intercal}", @"X^{\mathsf T}")]
    [TestCase(@"X^{\mathrm{T}}", @"X^\top")]
    [TestCase(@"\left( W_2 W_1 X \right)^\top", @"X^\top W_1^\top W_2^\top")]
    [TestCase(@"((X^\top)^\top)", @"X")]
    [TestCase(@"W_2\,W_1\;X", @"W_{2} \cdot W_{1} \cdot X")]
    [TestCase(@"\operatorname{tr}(A^\top B)", @"\text{Tr}\left(B^T A\right)")]
    [TestCase(@"\mathrm{tr}(ABC)", @"\operatorname{Tr}(CAB)")]
    [TestCase(@"\|X - W_2W_1X\|_F^2", @"\left\| X - W_{2} W_{1} X \right\|_{F}^{2}")]
    [TestCase(@"\lVert X \rVert_F", @"\|X\|_F")]
    [TestCase(@"U_k^\top (X - U_k U_k^\top X) X^\top", @"U_k^\top X X^\top - U_k^\top U_k U_k^\top X X^\top")]
    [TestCase(@"A I B", @"AB")]
    [TestCase(@"\frac{1}{2} X + \frac{1}{2} X", @"X")]
    [TestCase(@"-(A - B)", @"B - A")]
    [TestCase(@"{{{A}}} + {B}", @"B + A")]
    [TestCase(@"\nabla_{W_1} L = 0", @"\nabla_{W_{1}} L = 0")]
    [TestCase(@"(A^\top)^{-1}", @"(A^{-1})^T")]
    [TestCase("\u2016A\u2016_F", @"\|A\|_F")]
    [TestCase(@"\boxed{A = B}", @"A = B")]
    [TestCase(@"a \implies b", @"a \Rightarrow b")]
    public void Equal_formulas_written_differently_normalize_the_same(string a, string b) =>
        Assert.That(N(a), Is.EqualTo(N(b)));

    [TestCase(@"W_1 W_2", @"W_2 W_1")]
    [TestCase(@"X^\top", @"X")]
    [TestCase(@"X'", @"X^\top")]
    [TestCase(@"U_k^\top U_k", @"I")]
    [TestCase(@"\|A\|_F^2", @"\operatorname{tr}(A^\top A)")]
    [TestCase(@"\operatorname{tr}(AB)", @"AB")]
    [TestCase(@"A \odot B", @"AB")]
    [TestCase(@"W_1", @"W_2")]
    [TestCase(@"I", @"1")]
    [TestCase(@"\hat{X}", @"X")]
    [TestCase(@"A = B", @"A \Rightarrow B")]
    public void Different_formulas_do_not_normalize_the_same(string a, string b) =>
        Assert.That(N(a), Is.Not.EqualTo(N(b)));

    [Test]
    public void Declared_identity_simplifies_only_when_declared()
    {
        var withIdentity = new LatexNormalizer(new LatexNormalizerOptions { Identities = [@"U_k^\top U_k = I"] });
        Assert.That(withIdentity.Normalize(@"U_k^\top U_k U_k^\top X"), Is.EqualTo(withIdentity.Normalize(@"U_k^\top X")));
        Assert.That(N(@"U_k^\top U_k U_k^\top X"), Is.Not.EqualTo(N(@"U_k^\top X")));
    }

    [Test]
    public void Substitution_replaces_variables_whatever_their_subscript_braces()
    {
        var sub = new LatexNormalizer(new LatexNormalizerOptions { Substitutions = [("W_1", @"U_k^\top"), ("W_{2}", "U_k")] });
        Assert.That(sub.Normalize(@"W_2^\top (X - W_2 W_{1} X)"), Is.EqualTo(N(@"U_k^\top X - U_k^\top U_k U_k^\top X")));
    }

    [Test]
    public void Chains_and_tags_are_kept()
    {
        var math = LatexNormalizer.Default.Parse(@"\begin{aligned} L &= \|A\|_F^2 \\ &= \operatorname{tr}(A^\top A) \end{aligned} \tag{3}");
        Assert.That(math.Statements, Has.Count.EqualTo(1));
        Assert.That(math.Statements[0].Sides, Has.Count.EqualTo(3));
        Assert.That(math.Statements[0].Tag, Is.EqualTo("3"));
    }

    [Test]
    public void Trailing_parenthesized_number_is_a_label()
    {
        var math = LatexNormalizer.Default.Parse(@"W_2^\top (X - W_2 W_1 X) X^\top = 0 \quad (1)");
        Assert.That(math.Statements.Single().Tag, Is.EqualTo("1"));
    }

    [TestCase(@"\mathbf{X}^T\left(X - W_2W_1X\right)")]
    [TestCase(@"\operatorname{tr}((X - W_2W_1X)^\top(X - W_2W_1X)) = \|X\|_F^2 - 2\,\mathrm{tr}(X^\top W_2 W_1 X)")]
    [TestCase(@"A^{-1} + (B^\top)^{-1} + \frac{\partial L}{\partial W_1} + \sqrt{x} + |a| + \log(x)")]
    [TestCase(@"(a, b) + \{x = y\} + \hat{\theta}_{t+1}'")]
    [TestCase(@"X^2 + (X^\top)^3 + (A+B)^2 + 2^{n}")]
    [TestCase(@"}}}{{{ ^^__ \frac \left( \right] & \\ = = ")]
    public void Normalizing_twice_changes_nothing(string latex)
    {
        var once = N(latex);
        Assert.That(N(once), Is.EqualTo(once), $"first: {once}");
    }

    [Test]
    public void Ten_thousand_nested_braces_give_a_clear_truncated_result()
    {
        var deep = new string('{', 10_000) + "x" + new string('}', 10_000) + " = y";
        var math = LatexNormalizer.Default.Parse(deep);
        Assert.That(math.Truncated, Is.True);
        Assert.That(math.Text, Does.Contain("too-deeply-nested"));
        Assert.That(N(math.Text), Is.EqualTo(math.Text));
    }

    [Test]
    public void Ten_thousand_nested_parentheses_fractions_and_norms_do_not_overflow()
    {
        foreach (var (open, close) in new[] { ("(", ")"), (@"\frac{", "}{2}"), (@"\|", @"\|"), (@"\sqrt{", "}"), (@"\log ", ""), ("-", ""), ("x^", "") })
        {
            var text = string.Concat(Enumerable.Repeat(open, 10_000)) + "x" + string.Concat(Enumerable.Repeat(close, 10_000));
            Assert.DoesNotThrow(() => N(text), open);
        }
    }

    [Test]
    // Generous bound: the machine is shared; a quadratic pass would take minutes here, not seconds.
    public void Long_flat_input_normalizes_in_linear_time()
    {
        var text = string.Join(" + ", Enumerable.Range(0, 5_000).Select(i => $"A_{{{i}}} B^\\top"));
        foreach (var input in new[] { text, @"\operatorname{tr}(" + string.Concat(Enumerable.Repeat("A B ", 5_000)) + ")", string.Concat(Enumerable.Repeat("(A + B)", 1_000)) })
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            N(input);
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), input[..20]);
        }
    }
}
