using System.Diagnostics;
using RubricEngine.Reports.IO;
using RubricEngine.Reports.Safety;

namespace RubricEngine.Tests.Reports.Safety;

public sealed class AtomicFileTests
{
    [Test]
    public void Nothing_appears_until_commit_and_an_abandoned_file_leaves_no_trace()
    {
        using var temp = new TempFolder();
        var target = temp.File("grades.csv");
        File.WriteAllText(target, "old");

        using (var pending = AtomicFile.Create(target))
        {
            pending.Stream.Write("new"u8);
            Assert.That(File.ReadAllText(target), Is.EqualTo("old"));
        }
        Assert.That(File.ReadAllText(target), Is.EqualTo("old"));
        Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(1));

        using (var pending = AtomicFile.Create(target))
        {
            pending.Stream.Write("new"u8);
            var result = pending.Commit();
            Assert.That(result.ChangedSinceStart, Is.False);
        }
        Assert.That(File.ReadAllText(target), Is.EqualTo("new"));
        Assert.That(Directory.GetFiles(temp.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "grades.csv" }), "no temporary file, no lock file");
    }

    [Test]
    public void A_killed_runs_old_temporary_file_is_removed_by_the_next_write_and_nothing_else_is()
    {
        using var temp = new TempFolder();
        var target = temp.File("grades.csv");
        var old = DateTime.UtcNow - AtomicFile.LeftoverAge - TimeSpan.FromMinutes(1);
        string Make(string name, DateTime time)
        {
            var path = temp.File(name);
            File.WriteAllText(path, "partial");
            File.SetLastWriteTimeUtc(path, time);
            return path;
        }
        var leftover = Make($".grades.csv.{Guid.NewGuid():N}.tmp", old);
        var fresh = Make($".grades.csv.{Guid.NewGuid():N}.tmp", DateTime.UtcNow);          // a run still writing, maybe
        var otherOutput = Make($".grades.xlsx.{Guid.NewGuid():N}.tmp", old);              // another output's: its own run cleans it
        var notOurs = Make(".grades.csv.backup.tmp", old);                                  // not our naming pattern
        var live = Make($".grades.csv.{Guid.NewGuid():N}.tmp", old);
        using var liveWriter = new FileStream(live, FileMode.Open, FileAccess.ReadWrite, FileShare.None); // a live run holds its own
        File.SetLastWriteTimeUtc(live, old);

        AtomicFile.WriteAllText(target, "new");

        Assert.That(File.Exists(leftover), Is.False, "the killed run's leftover is gone");
        Assert.That(new[] { fresh, otherOutput, notOurs, live }.Select(File.Exists), Has.All.True);
    }

    [Test]
    public void Commit_waits_for_the_run_holding_the_lock_and_says_who_it_is()
    {
        using var temp = new TempFolder();
        var target = temp.File("grades.csv");
        var lines = new List<string>();
        var policy = new OutputPolicy(TimeSpan.FromSeconds(20), l => { lock (lines) lines.Add(l); });
        var holder = OutputLock.Acquire(target, OutputPolicy.Default);

        var clock = Stopwatch.StartNew();
        var release = Task.Run(async () => { await Task.Delay(400); holder.Dispose(); });
        AtomicFile.WriteAllText(target, "new", policy);

        Assert.That(clock.ElapsedMilliseconds, Is.GreaterThanOrEqualTo(300), "the write waited for the holder");
        Assert.That(File.ReadAllText(target), Is.EqualTo("new"));
        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(lines[0], Does.Contain("waiting for another run").And.Contain($"pid {Environment.ProcessId}"));
        release.Wait();
    }

    [Test]
    public void A_lock_held_past_the_wait_fails_with_a_message_naming_the_holder_and_leaves_the_file()
    {
        using var temp = new TempFolder();
        var target = temp.File("grades.csv");
        File.WriteAllText(target, "old");
        using var holder = OutputLock.Acquire(target, OutputPolicy.Default);

        var e = Assert.Throws<OutputLockTimeoutException>(() => AtomicFile.WriteAllText(target, "new", new OutputPolicy(TimeSpan.FromMilliseconds(200))));

        Assert.That(e!.Message, Does.StartWith(target + ": error: another run is writing this file").And.Contain($"pid {Environment.ProcessId}"));
        Assert.That(File.ReadAllText(target), Is.EqualTo("old"));
        Assert.That(Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temporary file left");
    }

    [Test]
    public void A_file_written_by_somebody_else_after_the_write_started_is_reported_when_replaced()
    {
        using var temp = new TempFolder();
        var target = temp.File("grades.csv");
        using var pending = AtomicFile.Create(target);
        pending.Stream.Write("mine"u8);
        File.WriteAllText(target, "theirs");

        var result = pending.Commit();

        Assert.That(result.ChangedSinceStart, Is.True);
        Assert.That(File.ReadAllText(target), Is.EqualTo("mine"));
    }

    [Test]
    public void Replacing_a_csv_that_held_more_students_keeps_a_backup_and_says_why()
    {
        using var temp = new TempFolder();
        var target = temp.File("grades.csv");
        File.WriteAllText(target, "id,total\n1,2\n2,3\n3,4\n");
        var options = new ReplaceOptions { BackupIf = ShrinkingOutput.Csv };

        var bigger = AtomicFile.WriteAllText(target, "id,total\n1,2\n2,3\n3,4\n4,5\n", options: options);
        var smaller = AtomicFile.WriteAllText(target, "id,total\n1,2\n", options: options);

        Assert.That(bigger.BackupPath, Is.Null, "more students: no backup needed");
        Assert.That(smaller.BackupPath, Is.Not.Null);
        Assert.That(smaller.BackupReason, Is.EqualTo("it held 4 rows of students, this run wrote 1"));
        Assert.That(File.ReadAllText(smaller.BackupPath!), Is.EqualTo("id,total\n1,2\n2,3\n3,4\n4,5\n"));
    }
}
