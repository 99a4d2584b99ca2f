using RubricEngine.Cli.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary><c>rubric import &lt;format&gt; &lt;input&gt; -o &lt;dir | file.jsonl&gt;</c>: convert exports to rubric-trace/1.</summary>
public sealed class ImportCommand(CliHost host) : Command<ImportSettings>
{
    public override int Execute(CommandContext context, ImportSettings settings, CancellationToken cancellationToken) =>
        new ImportService(host.Out).Run(settings.Format, settings.Input, settings.Output,
            ReaderOptions.From(settings.StudentPattern, settings.Students, null), settings.Verbosity == "detailed");
}
