namespace RubricEngine.Cli.Services;

/// <summary>
/// Where a run of <c>rubric</c> writes plain lines and where it caches compiled rubrics. The process uses
/// <see cref="Console.Out"/>, <see cref="Console.Error"/> and the default cache; tests pass their own so that runs
/// can go in parallel without touching process-wide state.
/// </summary>
/// <param name="Out">Findings, listings, JSON: what tools parse.</param>
/// <param name="Error">Errors and notes about the run (compiling, cache hits, warnings about the rubric).</param>
/// <param name="RubricCache">Folder for compiled rubrics; null: $RUBRIC_CACHE, else the user cache folder.</param>
public sealed record CliHost(TextWriter Out, TextWriter Error, string? RubricCache = null)
{
    /// <summary>The process's own console streams and the default cache.</summary>
    public static CliHost FromConsole() => new(Console.Out, Console.Error);

    /// <summary>A loader that logs to <see cref="Error"/> and caches in <see cref="RubricCache"/>.</summary>
    internal RubricLoader Loader() => new(Error, RubricCache);
}
