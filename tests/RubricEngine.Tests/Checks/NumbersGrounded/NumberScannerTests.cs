using RubricEngine.Checks;

namespace RubricEngine.Tests.Checks.NumbersGrounded;

internal sealed class NumberScannerTests
{
    private static List<Quantity> Claims(string text, NumberScanner.Mode mode = NumberScanner.Mode.Claims)
    {
        var found = new List<Quantity>();
        NumberScanner.Scan(text, mode, found, new List<IdentifierToken>());
        return found;
    }

    private static Quantity Single(string text) => Claims(text).Single();

    private static string TextOf(string text, Quantity q) => text[q.Start..q.End];

    [TestCase("about ~18 hours of training", "~18 hours", 18 * 3600.0, Dimension.Time)]
    [TestCase("accuracy was 68% at the end", "68%", 68.0, Dimension.Percent)]
    [TestCase("it took 35 minutes", "35 minutes", 35 * 60.0, Dimension.Time)]
    [TestCase("a 3x speedup", "3x", 3.0, Dimension.Ratio)]
    [TestCase("needs 2.8x10⁹ FLOPs", "2.8x10⁹ FLOPs", 2.8e9, Dimension.Flop)]
    [TestCase("needs 2.8 \\times 10^9 FLOPs", "2.8 \\times 10^9 FLOPs", 2.8e9, Dimension.Flop)]
    [TestCase("finished in 341s.", "341s", 341.0, Dimension.Time)]
    [TestCase("in five minutes flat", "five minutes", 300.0, Dimension.Time)]
    [TestCase("peak of 125 TeraFLOPS", "125 TeraFLOPS", 125e12, Dimension.Flop)]
    [TestCase("roughly 1.5e9 operations", "roughly 1.5e9", 1.5e9, Dimension.Count)]
    [TestCase("about 6 min", "about 6 min", 360.0, Dimension.Time)]
    [TestCase("roughly 94 percent", "roughly 94 percent", 94.0, Dimension.Percent)]
    [TestCase("an 18-hour run", "18-hour", 18 * 3600.0, Dimension.Time)]
    [TestCase("a 3-fold gain", "3-fold", 3.0, Dimension.Ratio)]
    [TestCase("three times faster", "three times", 3.0, Dimension.Ratio)]
    [TestCase("twenty-four hours", "twenty-four hours", 24 * 3600.0, Dimension.Time)]
    [TestCase("1,000,000 images", "1,000,000", 1e6, Dimension.Count)]
    [TestCase("1.5 million FLOPs", "1.5 million FLOPs", 1.5e6, Dimension.Flop)]
    [TestCase("a 12k budget", "12k", 12e3, Dimension.Count)]
    [TestCase("12 ms per step", "12 ms", 0.012, Dimension.Time)]
    [TestCase("more than 90 per cent", "more than 90 per cent", 90.0, Dimension.Percent)]
    [TestCase("it is 10^9 operations", "10^9", 1e9, Dimension.Count)]
    public void Reads_value_unit_and_qualifier(string text, string claim, double baseValue, Dimension dimension)
    {
        var q = Single(text);
        Assert.That(TextOf(text, q), Is.EqualTo(claim));
        Assert.That(q.BaseValue, Is.EqualTo(baseValue).Within(1e-9).Percent);
        Assert.That(q.Dimension, Is.EqualTo(dimension));
    }

    [TestCase("~18 hours", true)]
    [TestCase("≈ 18 hours", true)]
    [TestCase("approx. 18 hours", true)]
    [TestCase("around 18 hours", true)]
    [TestCase("at least 18 hours", true)]
    [TestCase("18 hours", false)]
    [TestCase("exactly 18 hours", false)]
    public void Qualifiers_mark_approximate_claims(string text, bool approximate) =>
        Assert.That(Single(text).Approximate, Is.EqualTo(approximate));

    [TestCase("Step 3: expand the norm")]
    [TestCase("From equation (1) we get")]
    [TestCase("Problem 4 asks for figures")]
    [TestCase("See part 4.b and 3.b.ii")]
    [TestCase("the weights W_1 and x^2 and W_{12}")]
    [TestCase("1. First item written inline")]
    [TestCase("the 3rd and 2nd runs")]
    [TestCase("a 3x3 convolution")]
    [TestCase("ResNet-18 on CIFAR10 with 8 V100s")]
    [TestCase("published in 2018")]
    [TestCase("Eq. 2 and Figure 3 and Table 1")]
    public void Labels_names_and_subscripts_are_not_claims(string text)
    {
        var claims = Claims(text).Select(q => TextOf(text, q)).ToList();
        // "8" in "8 V100s" is a count, the one real claim among these.
        Assert.That(claims, Is.Empty.Or.EquivalentTo(new[] { "8" }));
    }

    [Test]
    public void Identifiers_with_digits_and_years_are_collected()
    {
        const string text = "A ResNet-18-style net on CIFAR10 with 8 V100s, FP16, a p3.2xlarge and GPT-4 in 2018; W1 is a variable.";
        var ids = new List<IdentifierToken>();
        NumberScanner.Scan(text, NumberScanner.Mode.Claims, [], ids);
        Assert.That(ids.Select(i => i.Text), Is.EqualTo(new[] { "ResNet-18-style", "CIFAR10", "V100s", "FP16", "p3.2xlarge", "GPT-4", "2018" }));
    }

    [Test]
    public void Numbers_in_headings_name_parts_unless_they_carry_a_unit()
    {
        Assert.That(Claims("4.b Summary of 3 runs", NumberScanner.Mode.Heading), Is.Empty);
        Assert.That(Claims("Training in 341 s", NumberScanner.Mode.Heading), Has.Count.EqualTo(1));
    }

    [Test]
    public void Hostile_numbers_neither_throw_nor_hang()
    {
        var huge = new string('9', 400);
        var text = $"{huge} and 1e999999 and 1e-999999 and {string.Join(' ', Enumerable.Repeat("1", 20_000))} and {new string('7', 100_000)}x";
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var claims = Claims(text);
        Assert.That(sw.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        Assert.That(claims.Where(c => c.IsFinite).All(c => double.IsFinite(c.BaseValue)), Is.True);
        Assert.That(claims.Any(c => !c.IsFinite), Is.True, "1e999999 is read but marked as not finite");
    }

    [Test]
    public void Source_mode_keeps_every_number()
    {
        var all = Claims("Step 3 in 2018: (1) eight GPUs", NumberScanner.Mode.Source);
        Assert.That(all.Select(q => q.Value), Is.EqualTo(new[] { 3.0, 2018, 1, 8 }));
    }
}
