using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary>Arguments of <c>rubric new</c>.</summary>
public sealed class NewSettings : CommandSettings
{
    [CommandArgument(0, "<dir>")]
    [Description("Folder to create the rubric in (must be empty or missing).")]
    public string Directory { get; init; } = "";
}
