using System.Text;
using RubricEngine.Cli;
using Spectre.Console;

namespace RubricEngine.Tests.Reliability;

/// <summary>What one in-process run of the <c>rubric</c> command gave: exit code, stdout (findings, errors) and stderr.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error, string ConsoleText)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}\n--- console\n{ConsoleText}";
}

/// <summary>
/// Runs the real <c>rubric</c> command in this process, as a TA would run it, with a non-interactive console.
/// The command writes findings to <see cref="Console.Out"/>, so runs are serialized and the process-wide writers
/// are swapped for the duration; rubrics compile into <see cref="CacheFolder"/> (one per test run, via RUBRIC_CACHE).
/// </summary>
internal static class CliRun
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string CacheFolder { get; } = Path.Combine(Path.GetTempPath(), "rubricengine-reliability-cache");

    public static async Task<CliResult> RunAsync(TimeSpan timeout, params string[] args)
    {
        await Gate.WaitAsync();
        var oldOut = Console.Out;
        var oldError = Console.Error;
        var oldCache = Environment.GetEnvironmentVariable("RUBRIC_CACHE");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var consoleText = new StringWriter();
        try
        {
            Environment.SetEnvironmentVariable("RUBRIC_CACHE", CacheFolder);
            Console.SetOut(TextWriter.Synchronized(stdout));
            Console.SetError(TextWriter.Synchronized(stderr));
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(consoleText),
            });
            // A hang fails the test instead of blocking CI; the run itself is not cancellable, so it is abandoned.
            var run = Task.Run(() => RubricApp.RunAsync(args, console));
            var exit = await run.WaitAsync(timeout);
            return new CliResult(exit, stdout.ToString(), stderr.ToString(), consoleText.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            Environment.SetEnvironmentVariable("RUBRIC_CACHE", oldCache);
            Gate.Release();
        }
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(TimeSpan.FromSeconds(120), args);
}

/// <summary>A temporary folder deleted with the fixture.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "rubric-rel")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public string Write(string relative, string text) => Write(relative, new UTF8Encoding(false).GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
