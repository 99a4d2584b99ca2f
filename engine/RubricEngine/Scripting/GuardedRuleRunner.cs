using System.Collections.Concurrent;
using RubricEngine.Grading;
using RubricEngine.Rubrics;

namespace RubricEngine.Scripting;

/// <summary>Options of <see cref="GuardedRuleRunner"/>.</summary>
public sealed record GuardedRuleRunnerOptions
{
    /// <summary>The default time limit of one rule on one answer or trace.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(5);

    /// <summary>How long one run of a rule (one answer of a criterion, or one trace of a custom rule) may take.</summary>
    public TimeSpan TimeLimit { get; init; } = DefaultTimeLimit;

    /// <summary>
    /// Run rule bodies on watchdog-supervised worker threads (default). A rule stuck where the guard cannot reach
    /// (a library call that never returns) is then abandoned after <see cref="TimeLimit"/> + <see cref="Grace"/>
    /// instead of hanging the run. False runs on the caller's thread, relying on the woven guard alone.
    /// </summary>
    public bool Watchdog { get; init; } = true;

    /// <summary>Extra time the watchdog gives a rule beyond <see cref="TimeLimit"/> before abandoning it.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How much stack one rule run may use before it fails as "recursed too deeply".</summary>
    public int MaxStackBytes { get; init; } = RuleGuard.DefaultMaxStackBytes;

    /// <summary>Stack size of worker threads: the rule's budget plus room for engine code it calls.</summary>
    public int WorkerStackSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Maps a script file name from the debug information to the path shown in messages.</summary>
    public Func<string, string>? DisplayPath { get; init; }
}

/// <summary>
/// Runs rubric code with a time limit and full isolation of failures: an exception, a timeout, a recursion too
/// deep or an allocation too large becomes an error string for that rule and trace, never for the run.
/// Thread-safe; dispose it to stop its idle workers.
/// </summary>
public sealed class GuardedRuleRunner : IRuleRunner, IDisposable
{
    private readonly GuardedRuleRunnerOptions _options;
    private readonly ConcurrentBag<RuleWorker> _idle = [];
    private int _abandoned;
    private bool _disposed;

    public GuardedRuleRunner(GuardedRuleRunnerOptions? options = null) => _options = options ?? new GuardedRuleRunnerOptions();

    /// <summary>The options in force.</summary>
    public GuardedRuleRunnerOptions Options => _options;

    /// <summary>How many worker threads were abandoned because a rule never returned.</summary>
    public int AbandonedWorkers => Volatile.Read(ref _abandoned);

    public bool TryRun<T>(RuleDescriptor rule, Func<T> body, out T? result, out string? error)
    {
        if (!_options.Watchdog) return RunGuarded(rule, body, out result, out error);

        ObjectDisposedException.ThrowIf(_disposed, this);
        var worker = _idle.TryTake(out var w) ? w : new RuleWorker(_options.WorkerStackSize);
        var outcome = new Outcome<T>();
        var wait = _options.TimeLimit <= TimeSpan.Zero || _options.TimeLimit == Timeout.InfiniteTimeSpan
            ? Timeout.InfiniteTimeSpan
            : _options.TimeLimit + _options.Grace;
        if (worker.Run(() => outcome.Ok = RunGuarded(rule, body, out outcome.Result, out outcome.Error), wait))
        {
            _idle.Add(worker);
            result = outcome.Result;
            error = outcome.Error;
            return outcome.Ok;
        }

        // The guard could not stop it: the rule is blocked or spinning outside rubric code. .NET cannot abort a
        // thread, so the worker is abandoned (it is a background thread and exits if the call ever returns).
        worker.Abandon();
        Interlocked.Increment(ref _abandoned);
        result = default;
        error = $"RuleTimeout: {rule.Id} did not finish within {RuleTimeoutException.Format(_options.TimeLimit)} and was abandoned (stuck outside rubric code, e.g. in a library call)";
        return false;
    }

    private bool RunGuarded<T>(RuleDescriptor rule, Func<T> body, out T? result, out string? error)
    {
        using var scope = RuleGuard.Begin(_options.TimeLimit, _options.MaxStackBytes);
        try
        {
            result = body();
            error = null;
            return true;
        }
        catch (Exception e)
        {
            result = default;
            error = Describe(rule, e);
            return false;
        }
    }

    /// <summary>The error sentence for an exception a rule threw, with the script line when the PDB knows it.</summary>
    internal string Describe(RuleDescriptor rule, Exception e)
    {
        var where = ScriptStackLocator.Find(e, _options.DisplayPath);
        return e switch
        {
            RuleTimeoutException t => $"RuleTimeout: {rule.Id} did not finish within {RuleTimeoutException.Format(t.Limit)}"
                + (where is null ? "" : $" ({where.File} line {where.Line})"),
            InsufficientExecutionStackException => $"StackTooDeep: {rule.Id} recursed too deeply"
                + (where is null ? "" : $" (at {where.File}({where.Line}))"),
            OutOfMemoryException => $"OutOfMemory: {rule.Id} tried to allocate too much memory"
                + (where is null ? "" : $" (at {where.File}({where.Line}))"),
            _ => e.GetType().Name + (where is null ? "" : $" at {where.File}({where.Line})") + $": {e.Message}",
        };
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var worker)) worker.Stop();
    }

    private sealed class Outcome<T>
    {
        public bool Ok;
        public T? Result;
        public string? Error;
    }

    /// <summary>A reusable background thread that runs one rule body at a time.</summary>
    private sealed class RuleWorker
    {
        private readonly SemaphoreSlim _start = new(0);
        private readonly ManualResetEventSlim _done = new(false);
        private Action? _work;
        private volatile bool _stopping;

        public RuleWorker(int stackSize)
        {
            var thread = new Thread(Loop, stackSize) { IsBackground = true, Name = "rubric rule worker" };
            thread.Start();
        }

        public bool Run(Action work, TimeSpan timeout)
        {
            _done.Reset();
            _work = work;
            _start.Release();
            return _done.Wait(timeout);
        }

        public void Abandon() => _stopping = true;

        public void Stop()
        {
            _stopping = true;
            _start.Release();
        }

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
                if (_stopping) return;
                var work = _work;
                _work = null;
                work?.Invoke();
                if (_stopping) return; // abandoned while running: nobody waits for this thread any more
                _done.Set();
            }
        }
    }
}
