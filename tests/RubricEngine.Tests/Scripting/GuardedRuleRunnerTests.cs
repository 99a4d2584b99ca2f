using System.Diagnostics;
using RubricEngine.Grading;
using RubricEngine.Scripting;

namespace RubricEngine.Tests.Scripting;

public sealed class GuardedRuleRunnerTests
{
    // Line numbers matter: the tests assert the script line named in each error.
    private const string Hostile = """
        Rubric("Hostile", r => r
            .Question("1")
                .Criterion("T-01", "Throws on boom", points: 1)
                .Custom(a => a.Text.Contains("boom") ? ((string)null!).Length > 0 ? Pass() : Pass() : Pass())
                .Criterion("T-02", "Spins on spin", points: 1)
                .Custom(a => { while (a.Text.Contains("spin")) { } return Pass(); })
                .Criterion("T-03", "Recurses on deep", points: 1)
                .Custom(a => a.Text.Contains("deep") && Down(0) > 0 ? Pass() : Pass())
                .Criterion("T-04", "Recurses through a lambda", points: 1)
                .Custom(a => a.Text.Contains("lambda") && Loop(1) > 0 ? Pass() : Pass())
                .Criterion("T-05", "Jumps back forever", points: 1)
                .Custom(a => { if (!a.Text.Contains("goto")) return Pass(); again: goto again; })
                .Criterion("T-06", "Sleeps in a library call", points: 1)
                .Custom(a => { if (a.Text.Contains("sleep")) System.Threading.Thread.Sleep(-1); return Pass(); })
                .Criterion("T-07", "Allocates too much", points: 1)
                .Custom(a => a.Text.Contains("huge") ? (new string('x', int.MaxValue).Length > 0 ? Pass() : Pass()) : Pass())
                .Criterion("T-08", "Always fine", points: 1)
                .Custom(a => Pass()));

        int Down(int n) => Down(n + 1) + 1;
        static Func<int, int> Loop = n => 1 + Loop(n + 1);
        """;

    private static TempRubricFolder _folder = null!;
    private static LoadedRubric _rubric = null!;

    [OneTimeSetUp]
    public void LoadOnce()
    {
        _folder = new TempRubricFolder();
        _folder.Write("hostile.rubric.csx", Hostile);
        _rubric = _folder.Load("hostile.rubric.csx");
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        _rubric.Dispose();
        _folder.Dispose();
    }

    // A generous grace: the woven guard, not the watchdog, must be what stops these rules, even on a loaded machine.
    private static TraceGrade Grade(string text, TimeSpan limit, bool watchdog = true)
    {
        using var runner = new GuardedRuleRunner(new GuardedRuleRunnerOptions
        {
            TimeLimit = limit, Watchdog = watchdog, Grace = TimeSpan.FromSeconds(5), DisplayPath = _rubric.DisplayPath,
        });
        return new Grader(_rubric.Definition, runner).Grade(TestTraces.Make("t", text));
    }

    private static CriterionResult Result(TraceGrade grade, string id) => grade.Criteria.Single(c => c.Rule.Id == id);

    private static string Script => Path.Combine(_folder.Root, "hostile.rubric.csx");

    [Test]
    public void A_rule_that_throws_fails_alone_and_names_the_script_line()
    {
        var grade = Grade("boom", TimeSpan.FromSeconds(5));

        var failed = Result(grade, "T-01");
        Assert.That(failed.IsError, Is.True);
        Assert.That(failed.Findings.Single().Message, Does.StartWith($"The rule failed: NullReferenceException at {Script}(4)"));
        Assert.That(grade.Criteria.Where(c => c.Rule.Id != "T-01").Select(c => c.Points), Is.All.EqualTo(1));

        var other = Grade("calm", TimeSpan.FromSeconds(5)); // the next trace is not affected
        Assert.That(other.Total, Is.EqualTo(8));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void An_endless_loop_is_stopped_at_the_time_limit(bool watchdog)
    {
        var clock = Stopwatch.StartNew();
        var grade = Grade("spin", TimeSpan.FromMilliseconds(200), watchdog);

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(Result(grade, "T-02").Findings.Single().Message,
            Is.EqualTo($"The rule failed: RuleTimeout: T-02 did not finish within 0.2 s ({Script} line 6)"));
        Assert.That(Result(grade, "T-08").Points, Is.EqualTo(1));
    }

    [TestCase("deep", "T-03", 20)]
    [TestCase("lambda", "T-04", 21)]
    public void Endless_recursion_becomes_an_error_not_a_crash(string text, string id, int line)
    {
        var grade = Grade(text, TimeSpan.FromSeconds(5));

        Assert.That(Result(grade, id).Findings.Single().Message,
            Is.EqualTo($"The rule failed: StackTooDeep: {id} recursed too deeply (at {Script}({line}))"));
        Assert.That(Result(grade, "T-08").Points, Is.EqualTo(1));
    }

    [Test]
    public void A_goto_loop_is_stopped()
    {
        var grade = Grade("goto", TimeSpan.FromMilliseconds(200));

        Assert.That(Result(grade, "T-05").Findings.Single().Message, Does.Contain("RuleTimeout: T-05").And.Contain("line 12"));
    }

    [Test]
    public void A_rule_stuck_in_a_library_call_is_abandoned_by_the_watchdog()
    {
        using var runner = new GuardedRuleRunner(new GuardedRuleRunnerOptions
        {
            TimeLimit = TimeSpan.FromMilliseconds(200), Grace = TimeSpan.FromMilliseconds(200), DisplayPath = _rubric.DisplayPath,
        });
        var clock = Stopwatch.StartNew();
        var grade = new Grader(_rubric.Definition, runner).Grade(TestTraces.Make("t", "sleep"));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(Result(grade, "T-06").Findings.Single().Message,
            Is.EqualTo("The rule failed: RuleTimeout: T-06 did not finish within 0.2 s and was abandoned (stuck outside rubric code, e.g. in a library call)"));
        Assert.That(runner.AbandonedWorkers, Is.EqualTo(1));
        Assert.That(Result(grade, "T-08").Points, Is.EqualTo(1));
    }

    [Test]
    public void A_huge_allocation_is_an_error_for_that_rule()
    {
        var grade = Grade("huge", TimeSpan.FromSeconds(5));

        Assert.That(Result(grade, "T-07").Findings.Single().Message, Does.StartWith("The rule failed: OutOfMemory: T-07").And.Contain($"{Script}(16)"));
        Assert.That(Result(grade, "T-08").Points, Is.EqualTo(1));
    }

    [Test]
    public void Rules_graded_in_parallel_each_keep_their_own_deadline()
    {
        using var runner = _rubric.CreateRunner(TimeSpan.FromMilliseconds(300));
        var grader = new Grader(_rubric.Definition, runner);
        var texts = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? "spin" : "calm").ToArray();

        var grades = new TraceGrade[texts.Length];
        Parallel.For(0, texts.Length, i => grades[i] = grader.Grade(TestTraces.Make("t" + i, texts[i])));

        for (var i = 0; i < texts.Length; i++)
            Assert.That(grades[i].Total, Is.EqualTo(i % 2 == 0 ? 7 : 8), texts[i]);
    }

    private static readonly RubricEngine.Rubrics.RuleDescriptor Rule = new("T-99", "Any rule", "{0}");

    [Test]
    public void The_rules_of_a_supervised_trace_run_on_one_worker_thread_not_one_thread_each()
    {
        using var runner = new GuardedRuleRunner();
        var caller = Environment.CurrentManagedThreadId;

        var (work, rules) = runner.Supervise(() =>
        {
            var ids = new List<int>();
            for (var i = 0; i < 5; i++)
            {
                runner.TryRun(Rule, () => Environment.CurrentManagedThreadId, out var id, out _);
                ids.Add(id);
            }
            return (Environment.CurrentManagedThreadId, ids);
        });

        Assert.That(work, Is.Not.EqualTo(caller), "the trace runs on a watched worker");
        Assert.That(rules, Is.All.EqualTo(work), "its rules run inline on that worker");
    }

    [Test]
    public void A_stuck_rule_call_fails_alone_and_the_trace_is_graded_again_without_it()
    {
        using var runner = new GuardedRuleRunner(new GuardedRuleRunnerOptions
        {
            TimeLimit = TimeSpan.FromMilliseconds(200), Grace = TimeSpan.FromMilliseconds(200),
        });
        var runs = 0;
        var clock = Stopwatch.StartNew();

        var outcomes = runner.Supervise(() =>
        {
            Interlocked.Increment(ref runs);
            var results = new List<string>();
            for (var call = 0; call < 3; call++)
            {
                var n = call;
                // The same rule on three answers; only the second blocks where the woven guard cannot reach.
                var ok = runner.TryRun(Rule, () => { if (n == 1) Thread.Sleep(Timeout.Infinite); return n; }, out var value, out var error);
                results.Add(ok ? $"ok {value}" : error!);
            }
            return results;
        });

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(outcomes[0], Is.EqualTo("ok 0"));
        Assert.That(outcomes[1], Does.StartWith("RuleTimeout: T-99 did not finish within 0.2 s and was abandoned"));
        Assert.That(outcomes[2], Is.EqualTo("ok 2"));
        Assert.That(runs, Is.EqualTo(2), "graded once, abandoned, graded again");
        Assert.That(runner.AbandonedWorkers, Is.EqualTo(1));
    }

    [Test]
    public void An_engine_exception_in_a_supervised_trace_reaches_the_caller()
    {
        using var runner = new GuardedRuleRunner();

        var thrown = Assert.Throws<InvalidOperationException>(() => runner.Supervise<int>(() => throw new InvalidOperationException("engine bug")));

        Assert.That(thrown!.Message, Is.EqualTo("engine bug"));
        Assert.That(runner.Supervise(() => 42), Is.EqualTo(42), "the worker is still usable");
    }
}
