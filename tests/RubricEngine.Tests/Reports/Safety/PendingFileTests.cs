using RubricEngine.Reports.Safety;

namespace RubricEngine.Tests.Reports.Safety;

public sealed class PendingFileTests
{
    [Test]
    public void Nothing_appears_until_commit_and_an_abandoned_file_leaves_no_trace()
    {
        using var temp = new TempFolder();
        var target = temp.File("grades.csv");
        File.WriteAllText(target, "old");

        using (var pending = PendingFile.Create(target))
        {
            pending.Stream.Write("new"u8);
            Assert.That(File.ReadAllText(target), Is.EqualTo("old"));
        }
        Assert.That(File.ReadAllText(target), Is.EqualTo("old"));
        Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(1));

        using (var pending = PendingFile.Create(target))
        {
            pending.Stream.Write("new"u8);
            pending.Commit();
        }
        Assert.That(File.ReadAllText(target), Is.EqualTo("new"));
        Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(1));
    }
}
