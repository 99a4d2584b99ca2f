using RubricEngine.Cli.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary><c>rubric test &lt;dir&gt;</c>: run the rubric's markup fixtures, like analyzer tests.</summary>
public sealed class TestCommand(CliHost host) : Command<TestSettings>
{
    public override int Execute(CommandContext context, TestSettings settings, CancellationToken cancellationToken) =>
        new RubricTestService(host.Out, host.Loader()).Run(settings.Directory);
}
