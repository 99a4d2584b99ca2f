using RubricEngine.Cli.Services;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary><c>rubric lms-check &lt;file&gt; --format &lt;lms&gt;</c>: what the LMS will do with a grade file, before importing it.</summary>
public sealed class LmsCheckCommand(CliHost host) : Command<LmsCheckSettings>
{
    public override int Execute(CommandContext context, LmsCheckSettings settings, CancellationToken cancellationToken) =>
        new LmsCheckService(host.Out).Run(settings.File, settings.Format, settings.Roster);
}
