using System.Collections.Concurrent;

namespace RubricEngine.Grading;

/// <summary>Maps a list on several threads and yields the results in list order, as each becomes due.</summary>
internal static class OrderedParallel
{
    /// <summary>
    /// Threads take items one at a time from a shared cursor, not PLINQ's default range partitioning of a list (first
    /// half to one thread, second half to the other): with an ordered merge, the second thread's results had to wait
    /// for the whole first half, its buffer filled, and it stopped: 50k traces ran on one core after 8 seconds.
    /// </summary>
    public static IEnumerable<TResult> Select<TSource, TResult>(IReadOnlyList<TSource> items, int parallelism, Func<TSource, TResult> map) =>
        Partitioner.Create(items, EnumerablePartitionerOptions.NoBuffering)
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, parallelism))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(map);
}
