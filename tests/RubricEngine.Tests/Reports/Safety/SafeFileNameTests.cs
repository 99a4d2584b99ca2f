using RubricEngine.Reports.Safety;

namespace RubricEngine.Tests.Reports.Safety;

public sealed class SafeFileNameTests
{
    [TestCase("ana", "ana")]
    [TestCase("ana.lopez@uni.edu", "ana.lopez@uni.edu")]
    [TestCase("../../etc/passwd", "etc_passwd")]
    [TestCase("a/b", "a_b")]
    [TestCase("a\\b", "a_b")]
    [TestCase("CON", "_CON")]
    [TestCase("nul.txt", "_nul.txt")]
    [TestCase("com1", "_com1")]
    [TestCase("..", null)]
    [TestCase("a\u0000b\u001bc", "a_b_c")]
    [TestCase(" trailing. ", "trailing")]
    [TestCase("José", "José")]
    public void Student_ids_become_safe_stems(string id, string? expected)
    {
        var stem = SafeFileName.For(id);
        if (expected is not null) Assert.That(stem, Is.EqualTo(expected));
        Assert.That(stem, Does.Not.Contain(".."));
        Assert.That(stem.IndexOfAny(['/', '\\', ':', '\0']), Is.EqualTo(-1));
        Assert.That(stem, Does.Not.StartWith("."));
        Assert.That(stem, Is.Not.Empty);
    }

    [Test]
    public void Empty_and_dot_only_ids_get_a_stable_hashed_name()
    {
        Assert.That(SafeFileName.For(".."), Does.Match("^student-[0-9a-f]{8}$"));
        Assert.That(SafeFileName.For(".."), Is.EqualTo(SafeFileName.For("..")));
        Assert.That(SafeFileName.For(""), Is.Not.EqualTo(SafeFileName.For("..")));
    }

    [Test]
    public void Long_ids_are_capped_and_stay_distinct()
    {
        var a = SafeFileName.For(new string('x', 500) + "a");
        var b = SafeFileName.For(new string('x', 500) + "b");
        Assert.That(a.Length, Is.LessThanOrEqualTo(SafeFileName.MaxLength));
        Assert.That(a, Is.Not.EqualTo(b));
    }

    [Test]
    public void Collisions_are_disambiguated_in_order_ignoring_case()
    {
        using var temp = new TempFolder();
        var folder = new SafeOutputFolder(temp.Path);
        var names = new[] { "a/b", "a_b", "A_B", "ana", "ana-2", "ana" }.Select(id => Path.GetFileName(folder.PathFor(id, ".md"))).ToList();
        Assert.That(names, Is.EqualTo(new[] { "a_b.md", "a_b-2.md", "A_B-3.md", "ana.md", "ana-2.md", "ana-3.md" }));
    }

    [Test]
    public void Every_path_stays_inside_the_folder()
    {
        using var temp = new TempFolder();
        var folder = new SafeOutputFolder(temp.Path);
        foreach (var id in new[] { "../../etc/passwd", "/etc/passwd", "C:\\Windows\\x", "..\\..", "~", "a/../../b" })
            Assert.That(Path.GetDirectoryName(folder.PathFor(id, ".md")), Is.EqualTo(Path.GetFullPath(temp.Path)), id);
    }

    [Test]
    public void PathInside_refuses_names_that_leave_the_folder()
    {
        using var temp = new TempFolder();
        Assert.Throws<InvalidOperationException>(() => SafeFileName.PathInside(temp.Path, "../x.md"));
        Assert.Throws<InvalidOperationException>(() => SafeFileName.PathInside(temp.Path, "sub/x.md"));
    }
}
