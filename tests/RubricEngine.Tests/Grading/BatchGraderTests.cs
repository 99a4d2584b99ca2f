using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Grading;

public sealed class BatchGraderTests
{
    private static Grader PassingGrader()
    {
        var globals = new RubricGlobals(".");
        globals.Rubric("test", r => r.Question("1").Criterion("C-01", "Anything", 1).Custom(_ => CheckResult.Pass()));
        return new Grader(globals.BuildRubric());
    }

    private static FileReadResult OneTrace(string file, string id) =>
        new([new Trace(id, null, new Student(id), null, [], [new Message(0, Role.Assistant, "**Problem 1.** x", null, [], [], null)]) { File = file }], []);

    /// <summary>A source over made-up file names whose reading the test decides.</summary>
    private sealed class FakeSource(IReadOnlyList<string> files, Func<string, FileReadResult> read) : ITraceSource
    {
        public IReadOnlyList<string> Files => files;

        public FileReadResult Read(string file) => read(file);
    }

    [Test]
    public void Results_keep_input_order_whatever_the_thread_count()
    {
        var files = Enumerable.Range(0, 200).Select(i => $"f{i:000}.json").ToList();
        // Uneven work so that later files often finish first.
        FileReadResult Read(string f) { Thread.SpinWait((200 - int.Parse(f[1..4])) * 200); return OneTrace(f, f); }

        var one = new BatchGrader(PassingGrader(), 1).Grade(new FakeSource(files, Read)).Select(r => r.Grade!.File).ToList();
        var two = new BatchGrader(PassingGrader(), 2).Grade(new FakeSource(files, Read)).Select(r => r.Grade!.File).ToList();

        Assert.That(one, Is.EqualTo(files));
        Assert.That(two, Is.EqualTo(files));
    }

    [Test]
    public void A_duplicate_trace_id_is_rejected_on_the_later_file_and_names_the_first()
    {
        var results = new BatchGrader(PassingGrader(), 2).Grade(new FakeSource(["a.json", "b.json", "c.json"],
            f => OneTrace(f, f == "c.json" ? "a.json" : f))).ToList();

        Assert.That(results.Take(2).Select(r => r.Grade?.TraceId), Is.EqualTo(new[] { "a.json", "b.json" }));
        Assert.That(results[2].Error!.File, Is.EqualTo("c.json"));
        Assert.That(results[2].Error!.Reason, Does.Contain("duplicate trace id 'a.json'").And.Contain("a.json"));
    }

    [Test]
    public void A_reader_that_throws_costs_only_its_file()
    {
        var results = new BatchGrader(PassingGrader(), 2).Grade(new FakeSource(["a.json", "bad.json", "c.json"],
            f => f == "bad.json" ? throw new IOException("disk on fire") : OneTrace(f, f))).ToList();

        Assert.That(results.Count(r => r.Grade is not null), Is.EqualTo(2));
        Assert.That(results[1].Error!.ToString(), Does.Contain("bad.json").And.Contain("disk on fire"));
    }

    [Test]
    public void Kept_analyses_come_in_input_order_and_workers_stay_within_the_window_of_a_slow_consumer()
    {
        var files = Enumerable.Range(0, 120).Select(i => $"f{i:000}.json").ToList();
        var read = 0;
        var batch = new BatchGrader(PassingGrader(), 2) { KeepAnalyses = true };
        var consumed = 0;
        var furthestAhead = 0;
        var order = new List<string>();
        foreach (var result in batch.Grade(new FakeSource(files, f => { Interlocked.Increment(ref read); return OneTrace(f, f); })))
        {
            Assert.That(result.Analysis, Is.Not.Null);
            Assert.That(result.Analysis!.Trace.Id, Is.EqualTo(result.Grade!.TraceId));
            order.Add(result.Grade.File);
            Thread.Sleep(2); // a slow report (the review site's disk)
            consumed++;
            furthestAhead = Math.Max(furthestAhead, Volatile.Read(ref read) - consumed);
        }

        Assert.That(order, Is.EqualTo(files));
        Assert.That(furthestAhead, Is.LessThanOrEqualTo(batch.Window));
    }

    [Test]
    public void A_consumer_that_stops_early_does_not_hang_the_kept_analyses_batch()
    {
        var files = Enumerable.Range(0, 200).Select(i => $"f{i:000}.json").ToList();
        var batch = new BatchGrader(PassingGrader(), 2) { KeepAnalyses = true };

        var task = Task.Run(() => batch.Grade(new FakeSource(files, f => OneTrace(f, f))).Take(5).Count());

        Assert.That(task.Wait(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(task.Result, Is.EqualTo(5));
    }

    [Test]
    public void Without_kept_analyses_results_carry_none()
    {
        var results = new BatchGrader(PassingGrader(), 2).Grade(new FakeSource(["a.json", "b.json"], f => OneTrace(f, f))).ToList();

        Assert.That(results.Select(r => r.Analysis), Is.All.Null);
    }
}
