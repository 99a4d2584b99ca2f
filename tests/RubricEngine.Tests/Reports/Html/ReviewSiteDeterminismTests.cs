using RubricEngine.Tests.Reliability;

namespace RubricEngine.Tests.Reports.Html;

/// <summary>The review site written by the real <c>rubric grade --html</c> is the same, byte for byte, for any thread count.</summary>
[TestFixture]
[CancelAfter(180_000)]
public sealed class ReviewSiteDeterminismTests
{
    [Test]
    public async Task The_site_is_the_same_for_one_thread_and_for_four()
    {
        using var temp = new Reliability.TempFolder("rubric-review-det");
        // Two traces of one student and ids that collide once made safe: page names must not depend on scheduling.
        temp.Write("extra/a.json", HostileCorpus.Trace("dup-a", "twin", "The blog reports 94% accuracy in 341 seconds."));
        temp.Write("extra/b.json", HostileCorpus.Trace("dup-b", "twin", "The answer is B; use nn.MSELoss."));
        temp.Write("extra/c.json", HostileCorpus.Trace("slash", "a/b", "ok"));
        temp.Write("extra/d.json", HostileCorpus.Trace("underscore", "a_b", "ok"));
        var sites = new List<string>();
        foreach (var threads in new[] { "1", "4" })
        {
            var site = temp["site-" + threads];
            var run = await CliRun.RunAsync(TimeSpan.FromSeconds(150), "grade", Hw7Example.RubricPath, Hw7Example.Traces, temp["extra"],
                "--html", site, "--threads", threads, "--no-progress", "-v", "quiet");
            Assert.That(File.Exists(Path.Combine(site, "index.html")), run.ToString());
            sites.Add(site);
        }
        string[] Files(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.That(Files(sites[1]), Is.EqualTo(Files(sites[0])));
        Assert.That(Files(sites[0]), Does.Contain(Path.Combine("students", "twin-2.html")).And.Contain(Path.Combine("students", "a_b-2.html")));
        foreach (var file in Files(sites[0]))
            Assert.That(File.ReadAllBytes(Path.Combine(sites[1], file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(sites[0], file))), file);
    }
}
