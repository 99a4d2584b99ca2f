using RubricEngine.Checks;

namespace RubricEngine.Tests.Checks.NumbersGrounded;

public sealed class GroundingIndexTests
{
    private static Quantity Claim(string text)
    {
        var found = new List<Quantity>();
        NumberScanner.Scan(text, NumberScanner.Mode.Claims, found, null);
        return found.Single();
    }

    [Test]
    public void Numbers_of_every_text_ground_claims_in_their_own_dimension()
    {
        var index = GroundingIndex.Build(["Training took 341 s on one GPU.", "Accuracy reached 94% after 24 epochs.", "no numbers here"]);

        Assert.That(index.Grounds(Claim("about 5.7 minutes")), Is.True, "341 s in minutes, approximately");
        Assert.That(index.Grounds(Claim("94%")), Is.True);
        Assert.That(index.Grounds(Claim("24 epochs")), Is.True);
        Assert.That(index.Grounds(Claim("68%")), Is.False);
        Assert.That(index.Grounds(Claim("341 hours")), Is.False);
    }

    [Test]
    public void Identifiers_and_digit_runs_of_every_text_are_tokens()
    {
        var index = GroundingIndex.Build(["A ResNet-18-style network", "eight V100s", "published in 2018, id 12345678901234"]);

        Assert.That(index.Contains("ResNet-18"), Is.True);
        Assert.That(index.Contains("resnet18style"), Is.True);
        Assert.That(index.Contains("V100"), Is.True);
        Assert.That(index.Contains("2018"), Is.True);
        Assert.That(index.Contains("12345678901234"), Is.True);
        Assert.That(index.Contains("A100"), Is.False);
        Assert.That(index.Contains("2019"), Is.False);
    }

    [Test]
    public void An_index_of_no_texts_grounds_nothing()
    {
        Assert.That(GroundingIndex.Build([]).Grounds(Claim("94%")), Is.False);
        Assert.That(GroundingIndex.Empty.Contains("V100"), Is.False);
    }
}
