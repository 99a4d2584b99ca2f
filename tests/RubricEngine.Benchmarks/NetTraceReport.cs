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
        // "callers:Name" prints who calls the frames whose name contains Name (one level up), to find a hot helper's users.
        string? callersOf = null;
        if (filter is not null && filter.StartsWith("callers:", StringComparison.Ordinal)) { callersOf = filter["callers:".Length..]; filter = null; }
        var callers = new Dictionary<string, int>(StringComparer.Ordinal);
        var etlx = TraceLog.CreateFromEventPipeDataFile(path);
        using var log = new TraceLog(etlx);
        if (filter == "alloc") return Allocations(log, top);
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
            if (callersOf is not null)
            {
                var seenCallers = new HashSet<string>(StringComparer.Ordinal);
                for (var f = 0; f + 1 < frames.Count; f++)
                    if (frames[f].Contains(callersOf, StringComparison.Ordinal) && !frames[f + 1].Contains(callersOf, StringComparison.Ordinal) && seenCallers.Add(frames[f + 1]))
                        callers[frames[f + 1]] = callers.GetValueOrDefault(frames[f + 1]) + 1;
            }
            foreach (var name in frames)
            {
                if (first) { exclusive[name] = exclusive.GetValueOrDefault(name) + 1; first = false; }
                if (names.Add(name)) inclusive[name] = inclusive.GetValueOrDefault(name) + 1;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{samples} samples{(filter is null ? "" : $" under '{filter}'")}"));
        if (callersOf is not null)
        {
            Console.WriteLine($"-- callers of '{callersOf}'");
            foreach (var (name, n) in callers.OrderByDescending(p => p.Value).Take(top))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * n / samples,5:0.0}% {name}"));
            return 0;
        }
        Console.WriteLine("-- exclusive");
        foreach (var (name, n) in exclusive.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * n / samples,5:0.0}% {name}"));
        Console.WriteLine("-- inclusive");
        foreach (var (name, n) in inclusive.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * n / samples,5:0.0}% {name}"));
        return 0;
    }

    /// <summary>Where allocations come from: GC AllocationTick events (one per ~100 KB) by type and by allocating method of ours.</summary>
    private static int Allocations(TraceLog log, int top)
    {
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        var byMethod = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var e in log.Events)
        {
            if (e is not Microsoft.Diagnostics.Tracing.Parsers.Clr.GCAllocationTickTraceData tick) continue;
            var amount = tick.AllocationAmount64;
            total += amount;
            byType[tick.TypeName ?? "?"] = byType.GetValueOrDefault(tick.TypeName ?? "?") + amount;
            var owner = "?";
            for (var s = e.CallStack(); s is not null; s = s.Caller)
            {
                var name = s.CodeAddress.FullMethodName;
                if (name is not null && (name.StartsWith("RubricEngine.", StringComparison.Ordinal) || name.StartsWith("Markdig.", StringComparison.Ordinal) || name.StartsWith("Humanizer.", StringComparison.Ordinal)))
                {
                    owner = name.Split('(')[0];
                    break;
                }
            }
            byMethod[owner] = byMethod.GetValueOrDefault(owner) + amount;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total / 1048576.0:0} MB sampled by AllocationTick"));
        Console.WriteLine("-- by type");
        foreach (var (name, n) in byType.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * n / total,5:0.0}% {name}"));
        Console.WriteLine("-- by first engine/Markdig/Humanizer method on the stack");
        foreach (var (name, n) in byMethod.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * n / total,5:0.0}% {name}"));
        return 0;
    }
}
