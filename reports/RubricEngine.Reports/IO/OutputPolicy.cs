using System.Globalization;

namespace RubricEngine.Reports.IO;

/// <summary>
/// How outputs are written: how long to wait for another run's lock on the same file, and where to say so
/// ("waiting for grades.csv: …"). One per run, shared by every writer.
/// </summary>
/// <param name="LockTimeout">How long to wait for another run holding the same output before giving up.</param>
/// <param name="Report">Receives lines for the console (a wait, a warning); ignored when null.</param>
public sealed record OutputPolicy(TimeSpan LockTimeout, Action<string>? Report = null)
{
    /// <summary>The wait when <c>RUBRIC_LOCK_TIMEOUT</c> does not say otherwise.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Waits <see cref="DefaultLockTimeout"/> and reports nothing.</summary>
    public static OutputPolicy Default { get; } = new(DefaultLockTimeout);

    /// <summary>
    /// The wait from the environment variable <c>RUBRIC_LOCK_TIMEOUT</c> (seconds, for scripts and tests), else
    /// <see cref="DefaultLockTimeout"/>.
    /// </summary>
    public static OutputPolicy FromEnvironment(Action<string>? report)
    {
        var text = Environment.GetEnvironmentVariable("RUBRIC_LOCK_TIMEOUT");
        var timeout = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0
            ? TimeSpan.FromSeconds(s)
            : DefaultLockTimeout;
        return new OutputPolicy(timeout, report);
    }
}
