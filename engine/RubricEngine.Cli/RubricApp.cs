using RubricEngine.Cli.Commands;
using RubricEngine.Cli.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli;

/// <summary>The <c>rubric</c> command: one command class per verb, registered here.</summary>
public static class RubricApp
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, AnsiConsole.Console);

    /// <summary>
    /// Runs one command line. Tables, help and progress go to <paramref name="console"/>; plain lines (findings,
    /// JSON) to <see cref="CliHost.Out"/> and errors to <see cref="CliHost.Error"/> of <paramref name="host"/>
    /// (default: the process's console). Returns the exit code (see <see cref="ExitCodes"/>).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CliHost? host = null)
    {
        host ??= CliHost.FromConsole();
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("rubric");
            config.SetApplicationVersion(EngineInfo.Version);
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance(host);
            config.PropagateExceptions();
            // An unknown or misspelt option is an error, not silently ignored (--colour, --overide).
            config.Settings.StrictParsing = true;
            config.AddCommand<GradeCommand>("grade")
                .WithDescription("Grade traces with a rubric and write the gradebook and reports.")
                .WithExample("grade", "rubrics/hw7/hw7.rubric.csx", "rubrics/hw7/traces", "-o", "hw7-grades.xlsx");
            config.AddCommand<ShowCommand>("show")
                .WithDescription("Show which text answers which question on which attempt.")
                .WithExample("show", "rubrics/hw7/traces/03-carol-retry-problem-4.json", "--rubric", "rubrics/hw7/hw7.rubric.csx");
            config.AddCommand<ImportCommand>("import")
                .WithDescription("Convert ChatGPT / Claude / Le Chat / ShareGPT / Markdown exports to rubric-trace/1.")
                .WithExample("import", "chatgpt", "conversations.json", "-o", "traces/");
            config.AddCommand<CheckCommand>("check")
                .WithDescription("Compile a rubric and list its rules.")
                .WithExample("check", "rubrics/hw7/hw7.rubric.csx");
            config.AddCommand<TestCommand>("test")
                .WithDescription("Run a rubric's markup fixtures (fixtures/*.fixture.json).")
                .WithExample("test", "rubrics/hw7");
            config.AddCommand<NewCommand>("new")
                .WithDescription("Scaffold a working rubric with a source, a fixture and a .rubricconfig.")
                .WithExample("new", "rubrics/hw8");
            config.AddCommand<LmsCheckCommand>("lms-check")
                .WithDescription("Say what an LMS will do with a grade file: columns → grade items, new items, points possible, unknown students, unreadable cells.")
                .WithExample("lms-check", "hw7-moodle.csv", "--format", "moodle", "--roster", "moodle-export.csv");
            config.AddCommand<ExplainCommand>("explain")
                .WithDescription("Explain a rule: what it checks, its options, an example.")
                .WithExample("explain", "RE0002");
        });
        try
        {
            return await app.RunAsync(args);
        }
        catch (UserErrorException e)
        {
            console.Profile.Out.Writer.Flush();
            await host.Error.WriteLineAsync(e.Message);
            return ExitCodes.UsageOrRubricError;
        }
        catch (CommandAppException e)
        {
            await host.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UsageOrRubricError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be read or written (missing folder, permissions, locked by Excel): the message names it.
            console.Profile.Out.Writer.Flush();
            await host.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UsageOrRubricError;
        }
    }
}
