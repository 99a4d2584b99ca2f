using RubricEngine.Reports.Html;

namespace RubricEngine.Tests.Reports.Html;

/// <summary>The review site is replaced whole or not at all, and never over a folder it did not write.</summary>
public sealed class SiteFolderTests
{
    private string _root = "";

    [SetUp]
    public void Create() => Directory.CreateDirectory(_root = Path.Combine(Path.GetTempPath(), "rubric-site-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void Remove() => Directory.Delete(_root, recursive: true);

    private string Site => Path.Combine(_root, "review");

    private string[] Leftovers() => Directory.GetDirectories(_root).Select(Path.GetFileName).Where(n => n!.StartsWith('.')).ToArray()!;

    [Test]
    public void A_run_that_fails_before_the_end_leaves_the_previous_site_untouched()
    {
        using (var first = new SiteFolder(Site))
        {
            File.WriteAllText(Path.Combine(first.Temporary, "index.html"), "first");
            first.Commit();
        }
        using (var second = new SiteFolder(Site))
        {
            File.WriteAllText(Path.Combine(second.Temporary, "index.html"), "half written");
            // no Commit: the run failed
        }
        Assert.That(File.ReadAllText(Path.Combine(Site, "index.html")), Is.EqualTo("first"));
        Assert.That(Leftovers(), Is.Empty, "no temporary folder left behind");
    }

    [Test]
    public void A_finished_run_replaces_the_previous_site_whole()
    {
        using (var first = new SiteFolder(Site))
        {
            File.WriteAllText(Path.Combine(first.Temporary, "stale.html"), "old page");
            first.Commit();
        }
        using (var second = new SiteFolder(Site))
        {
            File.WriteAllText(Path.Combine(second.Temporary, "index.html"), "second");
            second.Commit();
        }
        Assert.That(File.Exists(Path.Combine(Site, "stale.html")), Is.False);
        Assert.That(File.ReadAllText(Path.Combine(Site, "index.html")), Is.EqualTo("second"));
        Assert.That(Leftovers(), Is.Empty);
    }

    [Test]
    public void A_folder_not_written_by_rubric_is_refused_not_replaced()
    {
        Directory.CreateDirectory(Site);
        File.WriteAllText(Path.Combine(Site, "thesis.tex"), "years of work");
        var e = Assert.Throws<IOException>(() => new SiteFolder(Site).Dispose());
        Assert.That(e!.Message, Does.Contain("not a review site written by rubric"));
        Assert.That(File.ReadAllText(Path.Combine(Site, "thesis.tex")), Is.EqualTo("years of work"));
    }

    [Test]
    public void A_run_that_graded_nothing_keeps_the_previous_site()
    {
        using (var first = new SiteFolder(Site))
        {
            File.WriteAllText(Path.Combine(first.Temporary, "index.html"), "grades");
            first.Commit();
        }
        var context = new RubricEngine.Reports.ReportContext(Hw7Example.Rubric, "test", DateTimeOffset.UnixEpoch);
        using (var writer = new HtmlReviewWriter(Site))
        {
            writer.Begin(context);
            writer.Complete(RubricEngine.Tests.Reports.GradeBuilder.Run());
        }
        Assert.That(File.ReadAllText(Path.Combine(Site, "index.html")), Is.EqualTo("grades"));
        Assert.That(Leftovers(), Is.Empty);
    }
}
