using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using RubricEngine.Grading;
using RubricEngine.Rubrics;

namespace RubricEngine.Scripting;

/// <summary>
/// Runs rubric code with a time limit and full isolation of failures: an exception, a timeout, a recursion too
/// deep or an allocation too large becomes an error string for that rule and trace, never for the run.
/// Thread-safe; dispose it to stop its idle workers.
/// </summary>
/// <remarks>
/// The woven guard (<see cref="RuleGuard"/>) stops rubric code that loops or recurses; the watchdog is for code the
/// guard cannot reach (a library call that never returns). Handing every rule to a watched thread cost more than
/// the rules themselves (a thread switch per rule per attempt), so a whole trace is handed over once, through
/// <see cref="Supervise{T}"/>: its rules then run inline on the watched worker, each publishing its deadline. When one
/// is stuck, the worker is abandoned and the trace graded again on a fresh worker, that one rule call failing as
/// abandoned; rules are deterministic, so call n of the second run is call n of the first.
/// </remarks>
internal sealed class GuardedRuleRunner : IRuleRunner, IDisposable
{
    /// <summary>How often a supervising thread looks again when no rule of its trace is running.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    // The supervised trace running on this thread, if any: set on worker threads only, for the length of one trace.
    // Thread-static for the reason RuleGuard's deadline is: TryRun is reached deep inside grading code, with no
    // context to thread through, and a trace runs on one thread from start to end.
    [ThreadStatic] private static Session? t_session;

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
        if (t_session is { } session && session.Runner == this) return RunInSession(session, rule, body, out result, out error);
        if (!_options.Watchdog) return RunGuarded(rule, body, out result, out error);

        // Outside a supervised trace: one hand-off for this one rule.
        ObjectDisposedException.ThrowIf(_disposed, this);
        var worker = Rent();
        var outcome = new Outcome<T>();
        worker.Start(() => outcome.Ok = RunGuarded(rule, body, out outcome.Result, out outcome.Error));
        if (worker.Wait(WatchdogLimit))
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
        error = Abandoned(rule);
        return false;
    }

    public T Supervise<T>(Func<T> work)
    {
        if (!_options.Watchdog || t_session is { } current && current.Runner == this) return work();
        ObjectDisposedException.ThrowIf(_disposed, this);

        var skipped = new HashSet<int>();
        while (true)
        {
            // Each run gets its own copy: an abandoned run that comes back may still read its set.
            var session = new Session(this, [.. skipped]);
            var outcome = new Outcome<T>();
            var worker = Rent();
            worker.Start(() =>
            {
                t_session = session;
                try
                {
                    outcome.Result = work();
                }
                catch (Exception e)
                {
                    outcome.Failure = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    t_session = null;
                }
            });

            if (Watch(worker, session) is not { } stuckCall)
            {
                _idle.Add(worker);
                outcome.Failure?.Throw();
                return outcome.Result!;
            }

            session.Abandon();
            worker.Abandon();
            Interlocked.Increment(ref _abandoned);
            skipped.Add(stuckCall);
        }
    }

    /// <summary>Waits for the worker; returns null when it finished, or the number of the rule call that got stuck.</summary>
    private static int? Watch(RuleWorker worker, Session session)
    {
        while (true)
        {
            var deadline = session.Deadline;
            var wait = Poll;
            if (deadline != 0)
            {
                var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
                if (left <= TimeSpan.Zero)
                {
                    // Read the call between two reads of its deadline: unchanged means no other call began meanwhile.
                    var call = session.Call;
                    if (session.Deadline == deadline && !worker.Wait(TimeSpan.Zero)) return call;
                    continue;
                }
                if (left < wait) wait = left;
            }
            if (worker.Wait(wait)) return null;
        }
    }

    private bool RunInSession<T>(Session session, RuleDescriptor rule, Func<T> body, out T? result, out string? error)
    {
        var call = session.NextCall();
        if (session.IsAbandoned || session.Skipped.Contains(call))
        {
            result = default;
            error = Abandoned(rule);
            return false;
        }
        if (session.Deadline != 0) return RunGuarded(rule, body, out result, out error); // nested: the outer call's deadline stands

        var limit = WatchdogLimit;
        session.Enter(call, limit == Timeout.InfiniteTimeSpan ? 0 : Stopwatch.GetTimestamp() + (long)Math.Min(limit.TotalSeconds * Stopwatch.Frequency, long.MaxValue / 4));
        try
        {
            return RunGuarded(rule, body, out result, out error);
        }
        finally
        {
            session.Exit();
        }
    }

    /// <summary>How long the watchdog lets one rule run before abandoning it: the time limit plus the grace.</summary>
    private TimeSpan WatchdogLimit => _options.TimeLimit <= TimeSpan.Zero || _options.TimeLimit == Timeout.InfiniteTimeSpan
        ? Timeout.InfiniteTimeSpan
        : _options.TimeLimit + _options.Grace;

    private string Abandoned(RuleDescriptor rule) =>
        $"RuleTimeout: {rule.Id} did not finish within {RuleTimeoutException.Format(_options.TimeLimit)} and was abandoned (stuck outside rubric code, e.g. in a library call)";

    private RuleWorker Rent() => _idle.TryTake(out var w) ? w : new RuleWorker(_options.WorkerStackSize);

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
        public ExceptionDispatchInfo? Failure;
    }

    /// <summary>One run of a supervised trace: which rule call is running and until when the watchdog waits for it.</summary>
    private sealed class Session(GuardedRuleRunner runner, HashSet<int> skipped)
    {
        private int _calls;
        private int _call;
        private long _deadline; // Stopwatch timestamp after which the running call counts as stuck; 0 = none running
        private volatile bool _abandoned;

        public GuardedRuleRunner Runner { get; } = runner;

        /// <summary>Rule calls that got stuck in an earlier run of this trace: they fail at once.</summary>
        public HashSet<int> Skipped { get; } = skipped;

        public long Deadline => Volatile.Read(ref _deadline);

        public int Call => Volatile.Read(ref _call);

        public bool IsAbandoned => _abandoned;

        public int NextCall() => _calls++;

        public void Enter(int call, long deadline)
        {
            Volatile.Write(ref _call, call);
            Volatile.Write(ref _deadline, deadline);
        }

        public void Exit() => Volatile.Write(ref _deadline, 0);

        /// <summary>Nobody waits for this run any more: if the stuck call ever returns, later calls fail at once.</summary>
        public void Abandon() => _abandoned = true;
    }

    /// <summary>A reusable background thread that runs one piece of work at a time.</summary>
    private sealed class RuleWorker
    {
        // No spinning: the waiting thread gives its core to the worker (a trace takes about a millisecond, and on a
        // 2-core machine a spinning waiter would take the core the other worker needs).
        private readonly ManualResetEventSlim _start = new(false, spinCount: 0);
        private readonly ManualResetEventSlim _done = new(false, spinCount: 0);
        private Action? _work;
        private volatile bool _stopping;

        public RuleWorker(int stackSize)
        {
            var thread = new Thread(Loop, stackSize) { IsBackground = true, Name = "rubric rule worker" };
            thread.Start();
        }

        public void Start(Action work)
        {
            _done.Reset();
            _work = work;
            _start.Set();
        }

        public bool Wait(TimeSpan timeout) => _done.Wait(timeout);

        public void Abandon() => _stopping = true;

        public void Stop()
        {
            _stopping = true;
            _start.Set();
        }

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
                _start.Reset();
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
