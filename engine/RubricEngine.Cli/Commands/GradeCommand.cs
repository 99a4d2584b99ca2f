using RubricEngine.Cli.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary><c>rubric grade &lt;rubric&gt; &lt;traces…&gt;</c>: grade traces and write the gradebook and reports.</summary>
public sealed class GradeCommand(IAnsiConsole console, CliHost host) : Command<GradeSettings>
{
    public override int Execute(CommandContext context, GradeSettings settings, CancellationToken cancellationToken) =>
        new GradeService(console, host.Out, host.Loader()).Run(settings);
}
