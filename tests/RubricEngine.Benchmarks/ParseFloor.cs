using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RubricEngine.Grading;
using RubricEngine.Traces;

namespace RubricEngine.Benchmarks;

/// <summary>
/// The floor for a grading run, "the time just to read and JSON-parse the same files", as two figures, each in the
/// same ordered-parallel shape as <c>BatchGrader</c>: the generic floor (<see cref="File.ReadAllBytes"/> +
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>, independent of our reader) and our
/// <see cref="TraceReader"/> (list, read, parse, validate, build the traces). Wall time and thread CPU time (steady
/// under load) for each.
/// </summary>
internal static class ParseFloor
{
    public static int Run(string folder, int threads, string which)
    {
        var reader = new TraceReader();
        var files = reader.ListFiles([folder]).Files;
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

        // What a generic JSON parse of the same bytes costs: our reader can only approach this.
        int JsonDocumentFloor(string file)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file), options);
            return document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        int OurReader(string file) => reader.ReadFile(file, false).Traces.Count;

        if (which is "both" or "floor")
            Measure("floor: ReadAllBytes + JsonDocument.Parse", files, threads, JsonDocumentFloor);
        if (which is "both" or "reader")
            Measure("TraceReader (read, parse, validate, build)", files, threads, OurReader);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB"));
        return 0;
    }

    private static void Measure(string name, IReadOnlyList<string> files, int threads, Func<string, int> read)
    {
        foreach (var file in files.Take(50)) read(file); // JIT and page cache, so the order of the two figures does not matter
        long cpu = 0;
        var traces = 0;
        var watch = Stopwatch.StartNew();
        foreach (var n in OrderedParallel.Select(files, threads, file =>
                     {
                         var c0 = ThreadCpuClock.Now();
                         var count = read(file);
                         Interlocked.Add(ref cpu, ThreadCpuClock.Now() - c0);
                         return count;
                     }))
            traces += n;
        watch.Stop();
        var clock = ThreadCpuClock.IsCpuTime ? "thread CPU" : "thread-seconds";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {traces} traces of {files.Count} files on {threads} thread(s) in {watch.Elapsed.TotalSeconds:0.000} s wall = {traces / watch.Elapsed.TotalSeconds:0} traces/s; {clock} {(double)cpu / Stopwatch.Frequency:0.000} s"));
    }
}
