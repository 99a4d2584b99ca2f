using System.Diagnostics;
using System.Runtime.CompilerServices;
using RubricEngine.Grading;
using RubricEngine.Scripting;

namespace RubricEngine.Tests.Scripting;

public sealed class RubricCacheTests
{
    private const string WithHelper = """
        #load "helpers.csx"
        Rubric("Cached", r => r
            .Question("1")
                .Criterion("T-01", "Long enough", points: 1)
                .Custom(a => a.Text.Length >= MinLength ? Pass() : Fail("Too short.")));
        """;

    [Test]
    public void A_warm_load_takes_the_cache_and_a_changed_loaded_file_invalidates_it()
    {
        using var folder = new TempRubricFolder();
        folder.Write("helpers.csx", "const int MinLength = 5;\n");
        folder.Write("cached.rubric.csx", WithHelper);

        using var cold = folder.Load("cached.rubric.csx");
        using var warm = folder.Load("cached.rubric.csx");
        folder.Write("helpers.csx", "const int MinLength = 50;\n");
        using var changed = folder.Load("cached.rubric.csx");

        Assert.That(cold.FromCache, Is.False);
        Assert.That(warm.FromCache, Is.True);
        Assert.That(changed.FromCache, Is.False);
        Assert.That(folder.Log, Has.Count.EqualTo(3));
        Assert.That(folder.Log[0], Does.StartWith("compiling rubric "));
        Assert.That(folder.Log[1], Is.EqualTo($"rubric cache hit: {cold.CacheKey}"));
        Assert.That(folder.Log[2], Does.StartWith("compiling rubric ").And.EndWith($"(cache miss: {changed.CacheKey})"));
        Assert.That(changed.CacheKey, Is.Not.EqualTo(cold.CacheKey));
        Assert.That(changed.Sha256, Is.EqualTo(cold.Sha256), "the rubric file itself did not change");
        var trace = TestTraces.Make("t", "ten chars!");
        Assert.That(new Grader(warm.Definition).Grade(trace).Total, Is.EqualTo(1));
        Assert.That(new Grader(changed.Definition).Grade(trace).Total, Is.EqualTo(0));
    }

    [Test]
    public void A_damaged_cache_entry_is_recompiled()
    {
        using var folder = new TempRubricFolder();
        folder.Write("helpers.csx", "const int MinLength = 5;\n");
        folder.Write("cached.rubric.csx", WithHelper);
        string key;
        using (var first = folder.Load("cached.rubric.csx")) key = first.CacheKey;
        File.WriteAllBytes(Path.Combine(folder.Cache, key, "rubric.dll"), [1, 2, 3]);

        using var again = folder.Load("cached.rubric.csx");

        Assert.That(again.FromCache, Is.False);
        Assert.That(folder.Log, Has.Some.StartsWith($"rubric cache entry {key} is damaged"));
        Assert.That(new FileInfo(Path.Combine(folder.Cache, key, "rubric.dll")).Length, Is.GreaterThan(3));
    }

    [Test]
    public void Repeated_loads_are_unloaded_and_collected()
    {
        using var folder = new TempRubricFolder();
        folder.Write("helpers.csx", "const int MinLength = 5;\n");
        folder.Write("cached.rubric.csx", WithHelper);
        folder.Load("cached.rubric.csx").Dispose(); // fill the cache

        var contexts = LoadAndUnload(folder, 20);
        for (var i = 0; i < 10 && contexts.Any(c => c.IsAlive); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.That(contexts.Count(c => c.IsAlive), Is.EqualTo(0));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> LoadAndUnload(TempRubricFolder folder, int times)
    {
        var contexts = new List<WeakReference>();
        for (var i = 0; i < times; i++)
        {
            using var loaded = folder.Load("cached.rubric.csx");
            Assert.That(loaded.FromCache, Is.True);
            using var runner = loaded.CreateRunner();
            Assert.That(new Grader(loaded.Definition, runner).Grade(TestTraces.Make("t", "long enough")).Total, Is.EqualTo(1));
            contexts.Add(loaded.ContextReference());
        }
        return contexts;
    }

    [Test]
    public void A_warm_load_is_at_least_five_times_faster_than_a_cold_one()
    {
        using var folder = new TempRubricFolder();
        folder.Write("checks.csx", MediumRubric.Helpers);
        folder.Write("medium.rubric.csx", MediumRubric.Script);

        var clock = Stopwatch.StartNew();
        using (var cold = folder.Load("medium.rubric.csx")) Assert.That(cold.FromCache, Is.False);
        var coldTime = clock.Elapsed;
        var warmTimes = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            clock.Restart();
            using var warm = folder.Load("medium.rubric.csx");
            warmTimes.Add(clock.Elapsed);
            Assert.That(warm.FromCache, Is.True);
            Assert.That(warm.Definition.Criteria, Has.Count.EqualTo(12));
        }
        var warmTime = warmTimes.Order().ElementAt(warmTimes.Count / 2);

        TestContext.Out.WriteLine($"medium rubric: cold {coldTime.TotalMilliseconds:0} ms, warm (median of 5) {warmTime.TotalMilliseconds:0.0} ms, first warm {warmTimes[0].TotalMilliseconds:0.0} ms");
        Assert.That(warmTime * 5, Is.LessThan(coldTime));
    }
}

/// <summary>A rubric of the size of hw7: twelve criteria over four questions, helpers in a loaded file.</summary>
internal static class MediumRubric
{
    public const string Helpers = """
        static int Words(string text) => Regex.Matches(text, @"\S+").Count;

        static CheckResult Mentions(Answer a, params string[] terms)
        {
            var missing = terms.Where(t => !a.Text.Contains(t, StringComparison.OrdinalIgnoreCase)).ToList();
            return missing.Count == 0 ? CheckResult.Pass() : CheckResult.Partial(1 - (double)missing.Count / terms.Length, "Missing: " + string.Join(", ", missing) + ".");
        }

        static CheckResult Sequence(Answer a, params string[] tokens)
        {
            var index = 0;
            foreach (var token in tokens)
            {
                index = a.Text.IndexOf(token, index, StringComparison.Ordinal);
                if (index < 0) return CheckResult.Fail($"'{token}' is missing or out of order.");
            }
            return CheckResult.Pass();
        }
        """;

    public const string Script = """
        #load "checks.csx"
        Rubric("Medium", r =>
        {
            r.Grade(Attempt.Best);
            r.Question("1", "Derivation")
                .Criterion("M-01", "Trace expansion", 2).Custom(a => Mentions(a, "trace", "tr("))
                .Criterion("M-02", "Gradient", 2).Custom(a => Mentions(a, "gradient", "= 0"))
                .Criterion("M-03", "Conditions", 2).Custom(a => Sequence(a, "W_2", "W_1", "X"));
            r.Question("2", "Summary")
                .Criterion("M-04", "About 100 words", 1).Custom(a => Words(a.Text) <= 110 ? Pass() : Fail($"{Words(a.Text)} words."))
                .Criterion("M-05", "Names the GPU", 1).Custom(a => Mentions(a, "V100"))
                .Criterion("M-06", "Names the time", 1).Custom(a => Mentions(a, "341"));
            r.Question("3", "Decoder")
                .Criterion("M-07", "Starts with sos", 3).Custom(a => Sequence(a, "<sos>", "I", "see", "a", "dog"))
                .Criterion("M-08", "Attention", 1).Custom(a => Mentions(a, "alignment"))
                .Criterion("M-09", "Reordering", 1).Custom(a => a.Text.Contains("reorder") ? Pass() : Fail("No reordering."));
            r.Question("4", "Choices")
                .Criterion("M-10", "Answer B", 1).Custom(a => Regex.IsMatch(a.Text, @"\bB\b") ? Pass() : Fail("Not B."))
                .Criterion("M-11", "Loss", 1).Custom(a => Mentions(a, "nn.MSELoss"))
                .Criterion("M-12", "Explains", 1).Custom(a => Words(a.Text) >= 5 ? Pass() : Partial(0.5, "Too brief."));
            r.Rule(new RuleDescriptor("M-90", "Answers annotated", "Message {0} has no annotation", "Participation", Severity.Warning, 1),
                ctx => ctx.RegisterMessageAction(m =>
                {
                    if (m.Message.Annotations.Count == 0) m.Report(m.LocationOf(m.Message), m.Message.Index);
                }));
        });
        """;
}
