using RubricEngine.Cli.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary><c>rubric test &lt;dir&gt;</c>: run the rubric's markup fixtures, like analyzer tests.</summary>
public sealed class TestCommand : Command<TestSettings>
{
    public override int Execute(CommandContext context, TestSettings settings, CancellationToken cancellationToken) =>
        new RubricTestService(Console.Out, new RubricLoader(Console.Error)).Run(settings.Directory);
}
