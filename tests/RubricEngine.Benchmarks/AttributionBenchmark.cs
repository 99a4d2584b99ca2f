using System.Diagnostics;
using System.Globalization;
using RubricEngine.Tests.Segmentation;

namespace RubricEngine.Benchmarks;

/// <summary>
/// <c>attribution [corpus]</c>: precision and recall of the segmenter over (message, question, attempt) triples on
/// the labeled corpus (default tests/attribution-corpus) and on the real sessions' labels when ../shared/real-traces
/// exists, with every conversation's misses.
/// </summary>
internal static class AttributionBenchmark
{
    public static int Run(string? corpus, string? only = null)
    {
        var root = AttributionCorpus.FindRepoRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
        corpus ??= Path.Combine(root, "tests", "attribution-corpus");
        if (!Directory.Exists(corpus))
        {
            Console.Error.WriteLine($"{corpus}: no such folder.");
            return 2;
        }

        if (only is not null)
        {
            var real0 = Path.GetFullPath(Path.Combine(root, "..", "shared", "real-traces"));
            foreach (var c in AttributionCorpus.LoadConversations(corpus).Concat(AttributionCorpus.LoadReal(corpus, real0)).Where(c => c.Name.Contains(only, StringComparison.Ordinal)))
                Console.Write($"{c.Name}\n{AttributionCorpus.Detail(c, Environment.GetEnvironmentVariable("RUBRIC_ATTRIBUTION_BLOCKS") == "1")}");
            return 0;
        }
        var clock = Stopwatch.StartNew();
        var written = AttributionCorpus.Evaluate(AttributionCorpus.LoadConversations(corpus));
        Console.WriteLine(written.Summary("written corpus"));
        Console.Write(written.Misses());

        var real = Path.GetFullPath(Path.Combine(root, "..", "shared", "real-traces"));
        if (!Directory.Exists(real))
            Console.WriteLine($"real sessions: skipped ({real} does not exist)");
        else if (!Directory.Exists(Path.Combine(corpus, "real")))
            Console.WriteLine($"real sessions: skipped (no labels in {Path.Combine(corpus, "real")})");
        else
        {
            var score = AttributionCorpus.Evaluate(AttributionCorpus.LoadReal(corpus, real));
            Console.WriteLine(score.Summary("real sessions"));
            Console.Write(score.Misses());
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({clock.Elapsed.TotalSeconds:0.00} s)"));
        return 0;
    }
}
