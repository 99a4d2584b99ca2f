using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary>Arguments of <c>rubric lms-check</c>.</summary>
public sealed class LmsCheckSettings : CommandSettings
{
    [CommandArgument(0, "<file>")]
    [Description("The grade file to import: written by `rubric grade --csv` or `--into`, or by hand.")]
    public string File { get; init; } = "";

    [CommandOption("--format <LMS>")]
    [Description("canvas | moodle | blackboard | brightspace | gradescope: whose import rules to read the file by.")]
    public string Format { get; init; } = "";

    [CommandOption("--roster <FILE>")]
    [Description("The LMS's own gradebook export (or Gradescope roster): students it does not know and items it lacks are reported.")]
    public string? Roster { get; init; }

    public override ValidationResult Validate() =>
        Format is "canvas" or "moodle" or "blackboard" or "brightspace" or "gradescope"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be canvas, moodle, blackboard, brightspace or gradescope (got '{Format}').");
}
