using System.Diagnostics;
using System.Globalization;
using RubricEngine.Traces;

namespace RubricEngine.Benchmarks;

/// <summary>
/// The floor for a grading run: list, read and JSON-parse the same files with <see cref="TraceReader"/>, in the
/// same ordered-parallel shape as <c>BatchGrader</c>, and nothing else.
/// </summary>
internal static class ParseFloor
{
    public static int Run(string folder, int threads)
    {
        var watch = Stopwatch.StartNew();
        var reader = new TraceReader();
        var files = reader.ListFiles([folder]);
        var traces = 0;
        long messages = 0;
        foreach (var result in files.Files.AsParallel().AsOrdered().WithDegreeOfParallelism(threads)
                     .WithMergeOptions(ParallelMergeOptions.NotBuffered).Select(f => reader.ReadFile(f, false)))
        {
            traces += result.Traces.Count;
            foreach (var t in result.Traces) messages += t.Messages.Count;
        }
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parse-only: {traces} traces ({messages} messages) on {threads} thread(s) in {watch.Elapsed.TotalSeconds:0.000} s = {traces / watch.Elapsed.TotalSeconds:0} traces/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB"));
        return 0;
    }
}
