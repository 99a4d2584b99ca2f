using RubricEngine.Cli.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary><c>rubric new &lt;dir&gt;</c>: scaffold a working rubric with a source, a fixture and a .rubricconfig.</summary>
public sealed class NewCommand(CliHost host) : Command<NewSettings>
{
    public override int Execute(CommandContext context, NewSettings settings, CancellationToken cancellationToken) =>
        new RubricScaffold(host.Out).Create(settings.Directory);
}
