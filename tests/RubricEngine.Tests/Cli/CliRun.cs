using System.Diagnostics;
using RubricEngine.Cli;
using RubricEngine.Cli.Services;
using Spectre.Console;

namespace RubricEngine.Tests.Cli;

/// <summary>What one in-process run of <c>rubric</c> printed: plain lines, errors, and the Spectre console (tables, help).</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error, string Console, TimeSpan Elapsed)
{
    /// <summary>Everything the user saw, in no particular order.</summary>
    public string All => Out + Error + Console;

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}\n--- console\n{Console}";
}

/// <summary>
/// Runs the real <c>rubric</c> command line in-process (<see cref="RubricApp.RunAsync(string[], IAnsiConsole, CliHost?)"/>)
/// with its own writers, a non-interactive 160-column console and a given rubric cache, so tests run in parallel.
/// </summary>
internal static class CliRun
{
    /// <summary>The rubric cache the whole test run shares (compiled hw7 once); tests about caching pass their own.</summary>
    public static string SharedCache { get; } = Path.Combine(Path.GetTempPath(), "rubricengine-tests-cache");

    public static Task<CliResult> Rubric(params string[] args) => RubricWithCache(SharedCache, args);

    public static Task<CliResult> RubricWithCache(string cache, params string[] args) => Run(cache, 160, args);

    /// <summary>Runs on a console <paramref name="width"/> columns wide (a small terminal).</summary>
    public static Task<CliResult> RubricAtWidth(int width, params string[] args) => Run(SharedCache, width, args);

    private static async Task<CliResult> Run(string cache, int width, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = width;
        var clock = Stopwatch.StartNew();
        var exit = await RubricApp.RunAsync(args, console, new CliHost(output, error, cache));
        clock.Stop();
        return new CliResult(exit, Norm(output), Norm(error), Norm(screen), clock.Elapsed);
    }

    private static string Norm(StringWriter w) => w.ToString().Replace("\r\n", "\n");

    /// <summary>True when the text holds a .NET stack trace (what a TA must never see for a user error).</summary>
    public static bool HasStackTrace(string text) =>
        text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception:", StringComparison.Ordinal);
}

/// <summary>A fresh folder per test under the system temp folder, deleted afterwards.</summary>
public abstract class CliTestBase
{
    protected string Dir { get; private set; } = "";

    [SetUp]
    public void CreateFolder()
    {
        Dir = Path.Combine(Path.GetTempPath(), "rubric-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
    }

    [TearDown]
    public void DeleteFolder()
    {
        try { Directory.Delete(Dir, recursive: true); }
        catch (IOException) { /* a reader still open on Windows; the temp folder is cleaned eventually */ }
    }

    protected string At(params string[] parts) => Path.Combine([Dir, .. parts]);

    /// <summary>The points in column <paramref name="column"/> of the first student row of a CSV the run wrote (parsed with CsvHelper).</summary>
    protected static double FirstRowPoints(string csv, string column)
    {
        using var reader = new StreamReader(csv);
        using var parsed = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        parsed.Read();
        parsed.ReadHeader();
        parsed.Read();
        return parsed.GetField<double>(column);
    }

    protected static string Hw7Rubric => Hw7Example.RubricPath;

    protected static string Hw7Traces => Hw7Example.Traces;

    /// <summary>Copies the hw7 traces into the test folder (to add or break files).</summary>
    protected string CopyHw7Traces(string name = "traces")
    {
        var target = At(name);
        foreach (var file in Directory.EnumerateFiles(Hw7Traces, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Hw7Traces, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }
}
