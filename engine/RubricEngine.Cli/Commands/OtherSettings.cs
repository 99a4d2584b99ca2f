using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary>Arguments of <c>rubric show</c>.</summary>
public sealed class ShowSettings : CommandSettings
{
    [CommandArgument(0, "<trace>")]
    [Description("A trace file (any supported format) or a folder of them.")]
    public string Trace { get; init; } = "";

    [CommandOption("--uncertain")]
    [Description("List only the traces with low-confidence attributions, each with the line to paste into an --attribution file.")]
    public bool Uncertain { get; init; }

    [CommandOption("--attribution <FILE>")]
    [Description("Attribution fixes (trace id or student, message number, question or none) to apply, as `grade --attribution` does.")]
    public string? Attribution { get; init; }

    [CommandOption("--rubric <FILE>")]
    [Description("Segment with this rubric's questions and aliases.")]
    public string? Rubric { get; init; }

    [CommandOption("--json")]
    // Help text is Spectre markup: brackets are doubled or `show --help` throws.
    [Description("Print JSON for tools: [[{\"question\", \"attempts\": [[{\"attempt\", \"message\", \"startLine\", \"endLine\", \"followUp\", \"confidence\", \"reason\"}]]}]].")]
    public bool Json { get; init; }
}
