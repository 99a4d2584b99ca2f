using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using RubricEngine.Grading;
using RubricEngine.Rubrics;

namespace RubricEngine.Scripting;

/// <summary>Options of <see cref="GuardedRuleRunner"/>.</summary>
internal sealed record GuardedRuleRunnerOptions
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
