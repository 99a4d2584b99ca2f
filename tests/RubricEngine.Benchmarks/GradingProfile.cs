using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using RubricEngine.Documents;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Scripting;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Benchmarks;

/// <summary>
/// Grades a folder in-process and says where the time goes: read+JSON, Markdown parse, segmentation, and each
/// rule (inside the real guarded runner). Stopwatch instrumentation, summed over worker threads.
/// </summary>
internal static class GradingProfile
{
    public static int Run(string rubricPath, string folder, int threads)
    {
        var total = Stopwatch.StartNew();
        using var loaded = RubricScriptLoader.Load(rubricPath);
        var loadTime = total.Elapsed;
        using var created = loaded.CreateRunner();
        // RUBRIC_PROFILE_WATCHDOG=0 runs rules on the grading thread (woven guard only), to price the watchdog hand-off.
        using var guarded = Environment.GetEnvironmentVariable("RUBRIC_PROFILE_WATCHDOG") == "0"
            ? new GuardedRuleRunner(created.Options with { Watchdog = false })
            : created;
        var runner = new TimingRunner(guarded);
        var grader = new Grader(loaded.Definition, runner);
        var segmenter = new Segmenter(loaded.Definition.SegmenterOptions);
        var parser = MarkdownDocumentParser.Default;
        var reader = new TraceReader();
        var files = reader.ListFiles([folder]);
        long read = 0, parse = 0, segment = 0, grade = 0;
        long cpuRead = 0, cpuParse = 0, cpuSegment = 0;
        var graded = 0;

        var run = Stopwatch.StartNew();
        foreach (var n in OrderedParallel.Select(files.Files, threads, file =>
                     {
                         var c0 = ThreadCpuClock.Now();
                         var t0 = Stopwatch.GetTimestamp();
                         var content = reader.ReadFile(file, false);
                         var t1 = Stopwatch.GetTimestamp();
                         var c1 = ThreadCpuClock.Now();
                         Interlocked.Add(ref read, t1 - t0);
                         Interlocked.Add(ref cpuRead, c1 - c0);
                         foreach (var trace in content.Traces)
                         {
                             c0 = ThreadCpuClock.Now();
                             t0 = Stopwatch.GetTimestamp();
                             var documents = new MessageDocument[trace.Messages.Count];
                             for (var i = 0; i < documents.Length; i++) documents[i] = parser.Parse(trace.Messages[i].Content);
                             t1 = Stopwatch.GetTimestamp();
                             c1 = ThreadCpuClock.Now();
                             var segmentation = segmenter.Segment(trace, documents);
                             var t2 = Stopwatch.GetTimestamp();
                             var c2 = ThreadCpuClock.Now();
                             grader.Grade(new TraceAnalysis(trace, documents, segmentation, loaded.Definition.Sources));
                             var t3 = Stopwatch.GetTimestamp();
                             Interlocked.Add(ref cpuParse, c1 - c0);
                             Interlocked.Add(ref cpuSegment, c2 - c1);
                             Interlocked.Add(ref parse, t1 - t0);
                             Interlocked.Add(ref segment, t2 - t1);
                             Interlocked.Add(ref grade, t3 - t2);
                         }
                         return content.Traces.Count;
                     }))
            graded += n;
        run.Stop();

        static string S(long ticks) => (ticks / (double)Stopwatch.Frequency).ToString("0.000", CultureInfo.InvariantCulture);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"rubric load {loadTime.TotalSeconds:0.000} s (from cache: {loaded.FromCache})"));
        Console.WriteLine(string.Create(inv, $"graded {graded} traces on {threads} thread(s) in {run.Elapsed.TotalSeconds:0.000} s = {graded / run.Elapsed.TotalSeconds:0} traces/s"));
        Console.WriteLine($"thread-seconds: read+json {S(read)}, markdown {S(parse)}, segment {S(segment)}, checks {S(grade)}");
        // CPU time of the grading threads (what they ran, not how long they waited for a core): steady under load.
        var clock = ThreadCpuClock.IsCpuTime ? "thread CPU seconds" : "thread-seconds (no CPU clock here)";
        // Checks run on the watchdog's worker thread: their CPU is clocked there, inside Supervise.
        var cpuGrade = runner.SupervisedCpu;
        Console.WriteLine($"{clock}: read+json {S(cpuRead)}, markdown {S(cpuParse)}, segment {S(cpuSegment)}, checks {S(cpuGrade)}, total {S(cpuRead + cpuParse + cpuSegment + cpuGrade)}");
        foreach (var (id, ticks) in runner.Ticks.OrderByDescending(p => p.Value))
            Console.WriteLine($"  {id,-8} {S(ticks)} s");
        Console.WriteLine(string.Create(inv, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB"));
        Console.WriteLine(string.Create(inv,
            $"GC: {GC.GetTotalAllocatedBytes() / 1048576} MB allocated, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gen0/1/2 collections, paused {GC.GetTotalPauseDuration().TotalSeconds:0.000} s ({(GCSettings.IsServerGC ? "server" : "workstation")} GC)"));
        return 0;
    }

    private sealed class TimingRunner(IRuleRunner inner) : IRuleRunner
    {
        public ConcurrentDictionary<string, long> Ticks { get; } = new(StringComparer.Ordinal);

        public bool TryRun<T>(RuleDescriptor rule, Func<T> body, out T? result, out string? error)
        {
            var start = Stopwatch.GetTimestamp();
            var ok = inner.TryRun(rule, body, out result, out error);
            Ticks.AddOrUpdate(rule.Id, Stopwatch.GetTimestamp() - start, (_, t) => t + Stopwatch.GetTimestamp() - start);
            return ok;
        }

        private long _supervisedCpu;

        /// <summary>CPU time spent in supervised work (a trace's checks), on whichever thread ran it.</summary>
        public long SupervisedCpu => Interlocked.Read(ref _supervisedCpu);

        public T Supervise<T>(Func<T> work) => inner.Supervise(() =>
        {
            var start = ThreadCpuClock.Now();
            try
            {
                return work();
            }
            finally
            {
                Interlocked.Add(ref _supervisedCpu, ThreadCpuClock.Now() - start);
            }
        });
    }
}
