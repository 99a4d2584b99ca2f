using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary>Arguments of <c>rubric explain</c>.</summary>
public sealed class ExplainSettings : CommandSettings
{
    [CommandArgument(0, "<id>")]
    [Description("A built-in rule id (RE0002) or a rubric's rule id (HW7-03, with --rubric).")]
    public string Id { get; init; } = "";

    [CommandOption("--rubric <FILE>")]
    [Description("Look the id up in this rubric.")]
    public string? Rubric { get; init; }
}
