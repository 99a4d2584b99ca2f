using RubricEngine.Cli.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary><c>rubric explain &lt;id&gt;</c>: what a rule checks, its options, an example.</summary>
public sealed class ExplainCommand(CliHost host) : Command<ExplainSettings>
{
    public override int Execute(CommandContext context, ExplainSettings settings, CancellationToken cancellationToken) =>
        new ExplainService(host.Out, host.Loader()).Run(settings.Id, settings.Rubric);
}
