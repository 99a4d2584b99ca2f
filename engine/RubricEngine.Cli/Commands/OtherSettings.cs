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

/// <summary>Arguments of <c>rubric import</c>.</summary>
public sealed class ImportSettings : CommandSettings
{
    [CommandArgument(0, "<format>")]
    [Description("auto | rubric-trace/1 | chatgpt | claude | gemini | grok | perplexity | sharegpt | openai-chat | lechat | markdown")]
    public string Format { get; init; } = "";

    [CommandArgument(1, "<input>")]
    [Description("The export file or folder.")]
    public string Input { get; init; } = "";

    [CommandOption("-o|--output <PATH>")]
    [Description("A folder (one rubric-trace/1 .json per trace) or a .jsonl file.")]
    public string Output { get; init; } = "";

    [CommandOption("--student-pattern <PATTERN>")]
    [Description("Take student identity from file names, e.g. \"{id}_{name}.json\".")]
    public string? StudentPattern { get; init; }

    [CommandOption("--students <FILE>")]
    [Description("CSV mapping files or trace ids to students (file, id, name, email).")]
    public string? Students { get; init; }

    [CommandOption("-v|--verbosity <LEVEL>")]
    [Description("normal | detailed (also says which format each file was read as, and why)")]
    [DefaultValue("normal")]
    public string Verbosity { get; init; } = "normal";

    public override ValidationResult Validate()
    {
        if (Verbosity is not ("quiet" or "normal" or "detailed"))
            return ValidationResult.Error($"--verbosity must be quiet, normal or detailed (got '{Verbosity}').");
        if (string.IsNullOrWhiteSpace(Output)) return ValidationResult.Error("Say where to write: -o <folder> or -o traces.jsonl.");
        return ValidationResult.Success();
    }
}

/// <summary>Arguments of <c>rubric check</c>.</summary>
public sealed class CheckSettings : CommandSettings
{
    [CommandArgument(0, "<rubric>")]
    [Description("The rubric script (.csx).")]
    public string Rubric { get; init; } = "";
}

/// <summary>Arguments of <c>rubric test</c>.</summary>
public sealed class TestSettings : CommandSettings
{
    [CommandArgument(0, "<dir>")]
    [Description("A rubric folder: its *.rubric.csx and fixtures/*.fixture.json.")]
    public string Directory { get; init; } = "";
}

/// <summary>Arguments of <c>rubric new</c>.</summary>
public sealed class NewSettings : CommandSettings
{
    [CommandArgument(0, "<dir>")]
    [Description("Folder to create the rubric in (must be empty or missing).")]
    public string Directory { get; init; } = "";
}

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
