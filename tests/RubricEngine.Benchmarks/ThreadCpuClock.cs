using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RubricEngine.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID), in Stopwatch ticks: unlike wall-clock
/// thread-seconds it does not grow when other processes take the cores, so profiles stay comparable under load.
/// Elsewhere it falls back to the wall clock.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux();

    public static long Now()
    {
        if (!IsCpuTime) return Stopwatch.GetTimestamp();
        _ = ClockGetTime(ClockThreadCpuTimeId, out var ts);
        return (long)((ts.Seconds * 1_000_000_000L + ts.Nanoseconds) * (Stopwatch.Frequency / 1e9));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);
}
