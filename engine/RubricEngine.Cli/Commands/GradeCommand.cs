using RubricEngine.Cli.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary><c>rubric grade &lt;rubric&gt; &lt;traces…&gt;</c>: grade traces and write the gradebook and reports.</summary>
public sealed class GradeCommand(IAnsiConsole console) : Command<GradeSettings>
{
    protected override int Execute(CommandContext context, GradeSettings settings, CancellationToken cancellationToken) =>
        new GradeService(console, new RubricLoader(Console.Error)).Run(settings);
}

/// <summary><c>rubric show &lt;trace&gt;</c>: print the segmentation of a trace.</summary>
public sealed class ShowCommand(IAnsiConsole console) : Command<ShowSettings>
{
    protected override int Execute(CommandContext context, ShowSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Rubric is null) return new ShowService(console).Run(settings.Trace, null, settings.Json);
        using var rubric = new RubricLoader(Console.Error).Load(settings.Rubric);
        return new ShowService(console).Run(settings.Trace, rubric.Definition, settings.Json);
    }
}

/// <summary><c>rubric import &lt;format&gt; &lt;input&gt; -o &lt;dir | file.jsonl&gt;</c>: convert exports to rubric-trace/1.</summary>
public sealed class ImportCommand : Command<ImportSettings>
{
    protected override int Execute(CommandContext context, ImportSettings settings, CancellationToken cancellationToken) =>
        new ImportService(Console.Out).Run(settings.Format, settings.Input, settings.Output,
            ReaderOptions.From(settings.StudentPattern, settings.Students, null));
}

/// <summary><c>rubric check &lt;rubric&gt;</c>: compile the rubric and list its rules.</summary>
public sealed class CheckCommand(IAnsiConsole console) : Command<CheckSettings>
{
    protected override int Execute(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        using var rubric = new RubricLoader(Console.Error).Load(settings.Rubric);
        RubricListing.Print(console, rubric);
        return ExitCodes.Success;
    }
}

/// <summary><c>rubric test &lt;dir&gt;</c>: run the rubric's markup fixtures, like analyzer tests.</summary>
public sealed class TestCommand : Command<TestSettings>
{
    protected override int Execute(CommandContext context, TestSettings settings, CancellationToken cancellationToken) =>
        new RubricTestService(Console.Out, new RubricLoader(Console.Error)).Run(settings.Directory);
}

/// <summary><c>rubric new &lt;dir&gt;</c>: scaffold a working rubric with a source, a fixture and a .rubricconfig.</summary>
public sealed class NewCommand : Command<NewSettings>
{
    protected override int Execute(CommandContext context, NewSettings settings, CancellationToken cancellationToken) =>
        new RubricScaffold(Console.Out).Create(settings.Directory);
}

/// <summary><c>rubric explain &lt;id&gt;</c>: what a rule checks, its options, an example.</summary>
public sealed class ExplainCommand(IAnsiConsole console) : Command<ExplainSettings>
{
    protected override int Execute(CommandContext context, ExplainSettings settings, CancellationToken cancellationToken) =>
        new ExplainService(Console.Out, new RubricLoader(Console.Error)).Run(settings.Id, settings.Rubric);
}
