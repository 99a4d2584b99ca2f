using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary>Arguments of <c>rubric check</c>.</summary>
public sealed class CheckSettings : CommandSettings
{
    [CommandArgument(0, "<rubric>")]
    [Description("The rubric script (.csx).")]
    public string Rubric { get; init; } = "";
}
