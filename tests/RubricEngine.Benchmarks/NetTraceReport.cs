using System.Globalization;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace RubricEngine.Benchmarks;

/// <summary>
/// Summarises a CPU-sampling EventPipe trace (written by any run under DOTNET_EnableEventPipe=1, see BENCHMARKS.md):
/// the methods with the most samples, inclusive and exclusive. dotnet-trace is not needed.
/// </summary>
internal static class NetTraceReport
{
    public static int Run(string path, int top, string? filter)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(path);
        using var log = new TraceLog(etlx);
        var inclusive = new Dictionary<string, int>(StringComparer.Ordinal);
        var exclusive = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = 0;
        foreach (var e in log.Events)
        {
            if (e.ProviderName != "Microsoft-DotNETCore-SampleProfiler") continue;
            var stack = e.CallStack();
            if (stack is null) continue;
            var names = new HashSet<string>(StringComparer.Ordinal);
            var first = true;
            var inFilter = filter is null;
            var frames = new List<string>();
            for (var s = stack; s is not null; s = s.Caller)
            {
                var name = s.CodeAddress.FullMethodName;
                if (string.IsNullOrEmpty(name)) name = s.CodeAddress.ModuleName + "!?";
                frames.Add(name);
                if (filter is not null && name.Contains(filter, StringComparison.Ordinal)) inFilter = true;
            }
            if (!inFilter) continue;
            // Idle worker threads waiting on a semaphore are not CPU.
            if (frames.Count > 0 && (frames[0].Contains("Wait", StringComparison.Ordinal) || frames[0].Contains("Sleep", StringComparison.Ordinal))) continue;
            samples++;
            foreach (var name in frames)
            {
                if (first) { exclusive[name] = exclusive.GetValueOrDefault(name) + 1; first = false; }
                if (names.Add(name)) inclusive[name] = inclusive.GetValueOrDefault(name) + 1;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{samples} samples{(filter is null ? "" : $" under '{filter}'")}"));
        Console.WriteLine("-- exclusive");
        foreach (var (name, n) in exclusive.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * n / samples,5:0.0}% {name}"));
        Console.WriteLine("-- inclusive");
        foreach (var (name, n) in inclusive.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * n / samples,5:0.0}% {name}"));
        return 0;
    }
}
