using RubricEngine.Cli.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary><c>rubric show &lt;trace&gt;</c>: print the segmentation of a trace.</summary>
public sealed class ShowCommand(CliHost host) : Command<ShowSettings>
{
    public override int Execute(CommandContext context, ShowSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Rubric is null) return new ShowService(host.Out).Run(settings, null);
        using var rubric = host.Loader().Load(settings.Rubric);
        return new ShowService(host.Out).Run(settings, rubric.Definition);
    }
}
