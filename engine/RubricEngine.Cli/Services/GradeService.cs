using System.Globalization;
using RubricEngine.Cli.Commands;
using RubricEngine.Grading;
using RubricEngine.Reports;
using RubricEngine.Reports.ConsoleOutput;
using RubricEngine.Reports.Csv;
using RubricEngine.Reports.Excel;
using RubricEngine.Reports.Feedback;
using RubricEngine.Reports.Gradebook;
using RubricEngine.Reports.Overrides;
using RubricEngine.Reports.Safety;
using RubricEngine.Reports.Sarif;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;
using Spectre.Console;

namespace RubricEngine.Cli.Services;

/// <summary>
/// Runs <c>rubric grade</c>: read → segment → analyze → score (all in <see cref="BatchGrader"/>) → overrides →
/// every requested report. Reports stream where they can; the xlsx and the in-place update need every row.
/// Findings and errors go to <paramref name="output"/> one per line, unwrapped, so tools can parse them; the
/// progress bar and the closing table go to the console.
/// </summary>
public sealed class GradeService(IAnsiConsole console, TextWriter output, RubricLoader loader)
{
    public int Run(GradeSettings settings)
    {
        var started = DateTimeOffset.Now;
        using var rubric = loader.Load(settings.Rubric, settings.RuleTimeout);
        var definition = rubric.Definition;
        var reader = new TraceReader(ReaderOptions.From(settings.StudentPattern, settings.Students, settings.Assignment, maxFileMegabytes: settings.MaxFileSize));
        var files = reader.ListFiles(settings.Traces);

        var overrides = ReadOverrides(settings.Overrides, definition);
        var fixes = settings.Attribution is null ? AttributionFixSet.Empty : AttributionFixFile.Read(settings.Attribution, definition, output);
        var context = new ReportContext(definition, EngineInfo.Version, started);
        var verbosity = ParseVerbosity(settings.Verbosity);
        var failOn = settings.FailOn switch { "warning" => Severity.Warning, "error" => Severity.Error, _ => (Severity?)null };

        var sinks = OpenSinks(settings);
        var keepAll = settings.Output is not null || settings.Into is not null;
        var grades = new List<TraceGrade>();
        var errors = new List<TraceError>();
        var summary = new RunSummary(definition);
        var tripped = false;
        var ruleFailures = 0;
        var findingLines = new List<string>();
        try
        {
            foreach (var sink in sinks) sink.Begin(context);
            var batch = new BatchGrader(new Grader(definition, rubric.Runner, fixes), settings.Threads ?? Environment.ProcessorCount);
            var showProgress = !settings.NoProgress && console.Profile.Capabilities.Interactive && files.Files.Count > 20;

            void Consume(BatchResult result)
            {
                if (result.Error is { } error)
                {
                    errors.Add(error);
                    output.WriteLine(error.ToString());
                    return;
                }
                var grade = result.Grade!;
                if (overrides is not null)
                {
                    var outcome = overrides.Apply(grade);
                    foreach (var w in outcome.Warnings) output.WriteLine(w.ToString());
                    grade = outcome.Grade;
                }
                foreach (var sink in sinks) sink.Add(grade);
                if (keepAll) grades.Add(grade);
                summary.Add(grade);
                // A rule that threw or timed out left a criterion ungraded: the run is partial, like an unreadable trace.
                ruleFailures += grade.Criteria.Count(c => c.IsError && c.Override is null);
                if (failOn is { } level && grade.Findings.Any(f => f.Suppression is null && f.Severity >= level)) tripped = true;
                if (verbosity is { } shown)
                {
                    foreach (var line in FindingFormatter.FormatAll(grade, shown))
                        if (showProgress) findingLines.Add(line); else output.WriteLine(line);
                }
            }

            foreach (var error in files.Errors) { errors.Add(error); output.WriteLine(error.ToString()); }
            if (showProgress)
            {
                console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("grading", maxValue: files.Files.Count);
                        foreach (var r in batch.Grade(files.Files, f => reader.ReadFile(f, files.NamedDirectly.Contains(f)), () => task.Increment(1))) Consume(r);
                    });
                foreach (var line in findingLines) output.WriteLine(line);
            }
            else
            {
                foreach (var r in batch.Grade(files.Files, f => reader.ReadFile(f, files.NamedDirectly.Contains(f)))) Consume(r);
            }

            var run = new RunInfo(Path.GetFullPath(settings.Rubric), definition.Title, rubric.Sha256, EngineInfo.Version,
                started, DateTimeOffset.Now, summary.Count, errors, RunOptions(settings, fixes));
            foreach (var unused in fixes.Unused())
                output.WriteLine($"{settings.Attribution}: warning: no graded trace has the id or student '{unused}'; its fixes were not applied.");
            foreach (var sink in sinks) sink.Complete(run);
            ReportSinkWarnings(sinks);
            if (settings.Output is not null)
                ExcelGradebookWriter.Write(settings.Output, definition, grades, run);
            if (settings.Into is not null)
                UpdateGradebook(settings, definition, grades, started);
            if (overrides is not null)
                foreach (var unused in overrides.Unused()) output.WriteLine(unused.ToString());

            summary.Print(console, errors.Count);
            PrintWritten(settings);
        }
        finally
        {
            foreach (var sink in sinks) sink.Dispose();
        }
        return errors.Count > 0 || ruleFailures > 0 || tripped ? ExitCodes.Partial : ExitCodes.Success;
    }

    private OverrideApplier? ReadOverrides(string? path, RubricDefinition definition)
    {
        if (path is null) return null;
        if (!File.Exists(path)) throw new UserErrorException($"{path}: error: the overrides file was not found.");
        var set = OverrideFile.Read(path);
        foreach (var e in set.Errors) output.WriteLine(e.ToString());
        var applier = new OverrideApplier(set.Overrides);
        foreach (var d in applier.Validate(definition)) output.WriteLine(d.ToString());
        return applier;
    }

    private static List<IGradeSink> OpenSinks(GradeSettings settings)
    {
        var sinks = new List<IGradeSink>();
        try
        {
            if (settings.Csv is not null)
            {
                var roster = settings.Roster is null ? null : CanvasRoster.Read(settings.Roster);
                sinks.Add(CsvGradeSink.ToFile(settings.Csv, new CsvExportOptions
                {
                    Format = settings.CsvFormat switch { "canvas" => CsvGradeFormat.Canvas, "gradescope" => CsvGradeFormat.Gradescope, _ => CsvGradeFormat.Plain },
                    AssignmentName = settings.Assignment,
                    Roster = roster,
                }));
            }
            if (settings.Sarif is not null)
                sinks.Add(SarifWriter.ToFile(settings.Sarif, new SarifOptions { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(settings.Sarif)) }));
            if (settings.Feedback is not null) sinks.Add(new FeedbackWriter(settings.Feedback));
        }
        catch (CanvasRosterException e)
        {
            foreach (var s in sinks) s.Dispose();
            throw new UserErrorException(e.Message);
        }
        return sinks;
    }

    private void ReportSinkWarnings(IEnumerable<IGradeSink> sinks)
    {
        foreach (var sink in sinks)
            if (sink is FileGradeSink<CsvGradeSink> csv)
                foreach (var u in csv.Inner.Unmatched) output.WriteLine(u.ToString());
    }

    private void UpdateGradebook(GradeSettings settings, RubricDefinition definition, IReadOnlyList<TraceGrade> grades, DateTimeOffset now)
    {
        try
        {
            var report = GradebookUpdater.Update(settings.Into!, grades, new GradebookUpdateOptions(settings.Column ?? definition.Title)
            {
                Sheet = settings.Sheet,
                Key = settings.Key,
                PerCriterion = settings.PerCriterion,
                Rules = GradebookRule.From(definition),
                Now = now,
            });
            output.WriteLine($"Updated {report.StudentsUpdated} students in {report.Path} (backup: {report.BackupPath}).");
            foreach (var s in report.StudentsWithoutTrace) output.WriteLine($"{settings.Into}: warning: no trace for student {s}");
            foreach (var t in report.TracesWithoutStudent) output.WriteLine($"{t}: warning: no student in {settings.Into} matches this trace");
            foreach (var k in report.KeptOverrides) output.WriteLine($"{settings.Into}: note: kept manual value for {k.Student} in '{k.Column}' ({k.Existing}; computed {k.Computed})");
        }
        catch (GradebookUpdateException e)
        {
            throw new UserErrorException($"{settings.Into}: error: {e.Message}");
        }
    }

    private void PrintWritten(GradeSettings s)
    {
        foreach (var (label, path) in new[] { ("gradebook", s.Output), ("CSV", s.Csv), ("SARIF", s.Sarif), ("feedback", s.Feedback) })
            if (path is not null) output.WriteLine($"Wrote {label}: {path}");
    }

    /// <summary>The findings to print; null for "summary", which prints only the closing table.</summary>
    private static ConsoleVerbosity? ParseVerbosity(string text) => text switch
    {
        "quiet" => ConsoleVerbosity.Quiet,
        "detailed" => ConsoleVerbosity.Detailed,
        "summary" => null,
        _ => ConsoleVerbosity.Normal,
    };

    private static IReadOnlyDictionary<string, string> RunOptions(GradeSettings s, AttributionFixSet fixes)
    {
        var options = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["traces"] = string.Join(" ", s.Traces),
            ["threads"] = (s.Threads ?? Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
        };
        void Add(string key, string? value) { if (value is not null) options[key] = value; }
        Add("output", s.Output); Add("csv", s.Csv); Add("csv-format", s.Csv is null ? null : s.CsvFormat); Add("sarif", s.Sarif);
        Add("feedback", s.Feedback); Add("into", s.Into); Add("overrides", s.Overrides); Add("roster", s.Roster);
        Add("student-pattern", s.StudentPattern); Add("students", s.Students);
        Add("rule-timeout", s.RuleTimeout?.ToString(CultureInfo.InvariantCulture));
        Add("max-file-size", s.MaxFileSize?.ToString(CultureInfo.InvariantCulture));
        Add("attribution", s.Attribution is null ? null : $"{s.Attribution} ({fixes.Count} fixes)");
        // Each fix applied, so the Run sheet says which attributions a TA decided by hand.
        foreach (var (trace, fix) in fixes.All)
            options[string.Create(CultureInfo.InvariantCulture, $"attribution fix: {trace} message {fix.Message:D4}")] = fix.Question?.Value ?? "none";
        return options;
    }
}
