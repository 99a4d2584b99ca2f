using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

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

    /// <summary>
    /// Like <see cref="Select"/>, but no item more than <paramref name="window"/> places after the one the consumer is
    /// on is mapped: a slow consumer holds the workers back, so at most <paramref name="window"/> results exist at
    /// once. Not PLINQ: its ordered merge waits for every worker's next result, so a worker held back from outside
    /// deadlocks it. Here the item the consumer waits for is always inside the window, and workers take items in
    /// order from one cursor, so it is always being mapped or done. An exception from <paramref name="map"/> is
    /// rethrown to the consumer at that item.
    /// </summary>
    public static IEnumerable<TResult> SelectWindowed<TSource, TResult>(IReadOnlyList<TSource> items, int parallelism, int window, Func<TSource, TResult> map)
    {
        var size = Math.Max(1, window);
        var slots = new (bool Done, TResult? Value, ExceptionDispatchInfo? Error)[size];
        var gate = new object();
        int next = 0, passed = 0;
        var stopped = false;

        void Work()
        {
            while (true)
            {
                int i;
                lock (gate)
                {
                    while (!stopped && next < items.Count && next >= passed + size) Monitor.Wait(gate);
                    if (stopped || next >= items.Count) return;
                    i = next++;
                }
                (bool, TResult?, ExceptionDispatchInfo?) done;
                try { done = (true, map(items[i]), null); }
                catch (Exception e) { done = (true, default, ExceptionDispatchInfo.Capture(e)); }
                lock (gate)
                {
                    slots[i % size] = done;
                    Monitor.PulseAll(gate);
                }
            }
        }

        var workers = Math.Clamp(parallelism, 1, Math.Max(1, items.Count));
        for (var w = 0; w < workers; w++)
            new Thread(Work) { IsBackground = true, Name = "grading " + w }.Start();
        try
        {
            while (passed < items.Count)
            {
                (bool Done, TResult? Value, ExceptionDispatchInfo? Error) slot;
                lock (gate)
                {
                    while (!slots[passed % size].Done) Monitor.Wait(gate);
                    slot = slots[passed % size];
                    slots[passed % size] = default;
                }
                slot.Error?.Throw();
                yield return slot.Value!;
                lock (gate)
                {
                    passed++;
                    Monitor.PulseAll(gate);
                }
            }
        }
        finally
        {
            // A consumer that stops early lets the workers finish the item in hand and exit.
            lock (gate)
            {
                stopped = true;
                Monitor.PulseAll(gate);
            }
        }
    }
}
