using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace RubricEngine.Scripting;

/// <summary>
/// The check the script host weaves into rubric code: at the start of every loop body, every method, local
/// function and lambda body, and before every <c>goto</c>. It throws <see cref="RuleTimeoutException"/> once the
/// running rule is past its deadline, and <see cref="InsufficientExecutionStackException"/> before a runaway
/// recursion would overflow the stack (which .NET cannot catch: it would kill the whole grading run).
/// </summary>
/// <remarks>
/// The deadline is thread-static on purpose. Compiled rubric code calls <see cref="Tick"/> as a static method and
/// has no instance to thread a deadline through; rules run in parallel, each on one thread from start to end
/// (rule code is synchronous), so "the deadline of the rule running on this thread" is exactly the state needed.
/// <see cref="Begin"/> sets it and the returned scope restores the previous value, so nothing leaks from one rule
/// to the next. It is the engine's only mutable static state.
/// </remarks>
public static class RuleGuard
{
    [ThreadStatic] private static long t_deadline; // Stopwatch timestamp; 0 = no deadline on this thread
    [ThreadStatic] private static long t_limitTicks;
    [ThreadStatic] private static nint t_stackBase; // address of a local in the frame that began the rule; 0 = none
    [ThreadStatic] private static nint t_maxStack;

    /// <summary>Default stack budget of one rule run: thousands of frames of rubric code.</summary>
    public const int DefaultMaxStackBytes = 1024 * 1024;

    /// <summary>Called by rewritten rubric code; rubric authors never need to call it.</summary>
    public static void Tick()
    {
        // Bounding the depth well before the thread's real limit matters: unwinding an exception through hundreds of
        // thousands of frames takes seconds, through a megabyte of them a fraction of a second.
        var max = t_maxStack;
        if (max != 0 && Math.Abs(t_stackBase - StackAddress()) > max)
            throw new InsufficientExecutionStackException("The rule recursed too deeply.");
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var deadline = t_deadline;
        if (deadline != 0 && Stopwatch.GetTimestamp() > deadline)
            throw new RuleTimeoutException(TimeSpan.FromTicks(t_limitTicks));
    }

    /// <summary>Sets the deadline of the current thread to now + <paramref name="limit"/> until the scope is disposed.</summary>
    internal static DeadlineScope Begin(TimeSpan limit, int maxStackBytes = DefaultMaxStackBytes)
    {
        var scope = new DeadlineScope(t_deadline, t_limitTicks, t_stackBase, t_maxStack);
        t_stackBase = StackAddress();
        t_maxStack = maxStackBytes;
        var ticks = (long)(limit.TotalSeconds * Stopwatch.Frequency);
        t_deadline = limit <= TimeSpan.Zero || limit == Timeout.InfiniteTimeSpan ? 0 : Stopwatch.GetTimestamp() + Math.Max(1, ticks);
        t_limitTicks = limit.Ticks;
        return scope;
    }

    // The address of a local of this call: where the stack is now (no unsafe code needed).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint StackAddress()
    {
        byte local = 0;
        return Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref local);
    }

    internal readonly struct DeadlineScope(long previousDeadline, long previousLimit, nint previousBase, nint previousMax) : IDisposable
    {
        public void Dispose()
        {
            t_stackBase = previousBase;
            t_maxStack = previousMax;
            t_deadline = previousDeadline;
            t_limitTicks = previousLimit;
        }
    }
}
