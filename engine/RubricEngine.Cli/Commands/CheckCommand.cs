using RubricEngine.Cli.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary><c>rubric check &lt;rubric&gt;</c>: compile the rubric and list its rules.</summary>
public sealed class CheckCommand(IAnsiConsole console, CliHost host) : Command<CheckSettings>
{
    public override int Execute(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        using var rubric = host.Loader().Load(settings.Rubric);
        RubricListing.Print(console, rubric);
        return ExitCodes.Success;
    }
}
