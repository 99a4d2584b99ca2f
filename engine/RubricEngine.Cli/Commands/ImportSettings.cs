using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

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
