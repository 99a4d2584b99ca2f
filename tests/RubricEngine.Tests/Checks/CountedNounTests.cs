using System.Globalization;
using Humanizer;
using RubricEngine.Checks;

namespace RubricEngine.Tests.Checks;

public sealed class CountedNounTests
{
    [TestCase("word")]
    [TestCase("number")]
    public void Formats_every_count_exactly_as_humanizer_does(string noun)
    {
        var counted = noun == "word" ? CountedNoun.Word : CountedNoun.Number;
        for (var n = -3; n <= 1_200; n++)
            Assert.That(counted.Format(n), Is.EqualTo(noun.ToQuantity(n, format: "0", CultureInfo.InvariantCulture)), $"n = {n}");
    }

    [Test]
    public void One_is_singular_and_other_counts_plural()
    {
        Assert.That(CountedNoun.Word.Format(1), Is.EqualTo("1 word"));
        Assert.That(CountedNoun.Word.Format(0), Is.EqualTo("0 words"));
        Assert.That(CountedNoun.Number.Format(12), Is.EqualTo("12 numbers"));
    }
}
