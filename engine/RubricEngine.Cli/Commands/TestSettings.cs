using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary>Arguments of <c>rubric test</c>.</summary>
public sealed class TestSettings : CommandSettings
{
    [CommandArgument(0, "<dir>")]
    [Description("A rubric folder: its *.rubric.csx and fixtures/*.fixture.json.")]
    public string Directory { get; init; } = "";
}
