using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RubricEngine.Cli.Commands;

/// <summary>Arguments of <c>rubric grade</c>.</summary>
public sealed class GradeSettings : CommandSettings
{
    [CommandArgument(0, "<rubric>")]
    [Description("The rubric script (.csx).")]
    public string Rubric { get; init; } = "";

    [CommandArgument(1, "<traces>")]
    [Description("Trace files or folders: rubric-trace/1 JSON or JSON Lines, or ChatGPT / Claude / Le Chat / ShareGPT / Markdown exports.")]
    public string[] Traces { get; init; } = [];

    [CommandOption("-o|--output <FILE>")]
    [Description("Excel gradebook to write (.xlsx).")]
    public string? Output { get; init; }

    [CommandOption("--csv <FILE>")]
    [Description("CSV to write; its layout is chosen with --csv-format.")]
    public string? Csv { get; init; }

    [CommandOption("--csv-format <FORMAT>")]
    [Description("canvas | moodle | blackboard | brightspace | gradescope | plain (default plain). Check the file with `rubric lms-check`.")]
    [DefaultValue("plain")]
    public string CsvFormat { get; init; } = "plain";

    [CommandOption("--roster <FILE>")]
    [Description("The LMS's own gradebook export (Canvas, Moodle, Blackboard, Brightspace): fills the import file's student columns, matches students, names the existing grade item.")]
    public string? Roster { get; init; }

    [CommandOption("--assignment <NAME>")]
    [Description("Assignment column title for Canvas and gradebook updates, e.g. \"HW7 (12345)\".")]
    public string? Assignment { get; init; }

    [CommandOption("--sarif <FILE>")]
    [Description("SARIF 2.1.0 log of every finding.")]
    public string? Sarif { get; init; }

    [CommandOption("--feedback <DIR>")]
    [Description("Folder for one Markdown feedback file per student.")]
    public string? Feedback { get; init; }

    [CommandOption("--html <DIR>")]
    [Description("Folder for a static review site (index.html and one page per student); opens from disk, no server.")]
    public string? Html { get; init; }

    [CommandOption("--into <FILE>")]
    [Description("Existing gradebook (.xlsx, .csv, or Blackboard's tab-separated .xls) to update in place; a backup is written first.")]
    public string? Into { get; init; }

    [CommandOption("--sheet <NAME>")]
    [Description("With --into: the sheet to update (default: the first).")]
    public string? Sheet { get; init; }

    [CommandOption("--key <COLUMN>")]
    [Description("With --into: the column that identifies students: a header such as \"SIS User ID\", or email, or id.")]
    [DefaultValue("id")]
    public string Key { get; init; } = "id";

    [CommandOption("--column <NAME>")]
    [Description("With --into: the column that receives the total (added when missing). Default: the rubric title.")]
    public string? Column { get; init; }

    [CommandOption("--new-assignment")]
    [Description("With --into or --csv-format for an LMS: allow a column the LMS would import as a new graded assignment or grade item.")]
    public bool NewAssignment { get; init; }

    [CommandOption("--scale-to-points")]
    [Description("With an LMS export (--into or --roster): scale totals to the item's points possible when it differs from the rubric's maximum.")]
    public bool ScaleToPoints { get; init; }

    [CommandOption("--per-criterion")]
    [Description("With --into: also write one column per criterion.")]
    public bool PerCriterion { get; init; }

    [CommandOption("--attribution <FILE>")]
    [Description("Attribution fixes (trace id or student, message number, question or none), applied before grading; recorded in the Run sheet. `rubric show` prints the lines to paste.")]
    public string? Attribution { get; init; }

    [CommandOption("--overrides <FILE>")]
    [Description("Manual overrides (student, rule, points or suppress, reason, grader), applied after grading. Only read.")]
    public string? Overrides { get; init; }

    [CommandOption("--student-pattern <PATTERN>")]
    [Description("Take student identity from file names, e.g. \"{id}_{name}.json\".")]
    public string? StudentPattern { get; init; }

    [CommandOption("--students <FILE>")]
    [Description("CSV mapping trace files or ids to students (file, id, name, email).")]
    public string? Students { get; init; }

    [CommandOption("-j|--threads <N>")]
    [Description("Worker threads (default: one per core). Output is the same for any value.")]
    public int? Threads { get; init; }

    [CommandOption("--rule-timeout <SECONDS>")]
    [Description("Time limit for one rule on one trace (default 5, or rubric.timeout in .rubricconfig).")]
    public double? RuleTimeout { get; init; }

    [CommandOption("--max-file-size <MB>")]
    [Description("Largest trace file read, in MB (default 32); larger files are reported as errors, not graded.")]
    public double? MaxFileSize { get; init; }

    [CommandOption("-v|--verbosity <LEVEL>")]
    [Description("quiet (errors) | normal (warnings and errors) | detailed (everything) | summary (no findings).")]
    [DefaultValue("normal")]
    public string Verbosity { get; init; } = "normal";

    [CommandOption("--fail-on <LEVEL>")]
    [Description("Exit with 1 when any finding is at least this severe: warning | error.")]
    public string? FailOn { get; init; }

    [CommandOption("--no-progress")]
    [Description("Never draw a progress bar.")]
    public bool NoProgress { get; init; }

    public override ValidationResult Validate()
    {
        if (Traces.Length == 0) return ValidationResult.Error("Name at least one trace file or folder.");
        if (Output is null && Csv is null && Sarif is null && Feedback is null && Into is null && Html is null)
            return ValidationResult.Error("Say where grades go: -o grades.xlsx, --csv, --sarif, --feedback, --html or --into.");
        if (Output is not null && !Output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Error($"-o must name an .xlsx file (got '{Output}'); use --csv for CSV.");
        if (CsvFormat is not ("canvas" or "moodle" or "blackboard" or "brightspace" or "gradescope" or "plain"))
            return ValidationResult.Error($"--csv-format must be canvas, moodle, blackboard, brightspace, gradescope or plain (got '{CsvFormat}').");
        if (Verbosity is not ("quiet" or "normal" or "detailed" or "summary"))
            return ValidationResult.Error($"--verbosity must be quiet, normal, detailed or summary (got '{Verbosity}').");
        if (FailOn is not (null or "warning" or "error"))
            return ValidationResult.Error($"--fail-on must be warning or error (got '{FailOn}').");
        if (Threads is < 1 or > 256) return ValidationResult.Error("--threads must be between 1 and 256.");
        if (RuleTimeout is <= 0 or > 3600) return ValidationResult.Error("--rule-timeout must be between 0 and 3600 seconds.");
        if (MaxFileSize is <= 0 or > 2048) return ValidationResult.Error("--max-file-size must be between 0 and 2048 MB.");
        if (Sheet is not null && Into is null) return ValidationResult.Error("--sheet goes with --into.");
        return ValidationResult.Success();
    }
}
