using System.Globalization;
using RubricEngine.Cli.Commands;
using RubricEngine.Grading;
using RubricEngine.Hosting;
using RubricEngine.Reports;
using RubricEngine.Reports.ConsoleOutput;
using RubricEngine.Reports.Csv;
using RubricEngine.Reports.Excel;
using RubricEngine.Reports.Feedback;
using RubricEngine.Reports.Gradebook;
using RubricEngine.Reports.Html;
using RubricEngine.Reports.IO;
using RubricEngine.Reports.Overrides;
using RubricEngine.Reports.Safety;
using RubricEngine.Reports.Sarif;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;
using Spectre.Console;

namespace RubricEngine.Cli.Services;

/// <summary>
/// Runs <c>rubric grade</c>: read → segment → analyze → score → overrides (all in <see cref="GradingSession"/>) →
/// every requested report. Reports stream where they can; the xlsx and the in-place update need every row.
/// Findings and errors go to <paramref name="output"/> one per line, unwrapped, so tools can parse them; the
/// progress bar and the closing table go to the console.
/// </summary>
internal sealed class GradeService(IAnsiConsole console, TextWriter output, RubricLoader loader)
{
    public int Run(GradeSettings settings)
    {
        var started = DateTimeOffset.Now;
        using var rubric = loader.Load(settings.Rubric, settings.RuleTimeout);
        var definition = rubric.Definition;
        var session = new GradingSession(rubric, ReaderOptions.From(settings.StudentPattern, settings.Students, settings.Assignment, maxFileMegabytes: settings.MaxFileSize), settings.Threads)
        {
            // The review site renders each page from the analysis its grade was made from (kept in a bounded window).
            KeepAnalyses = settings.Html is not null,
        };
        var source = session.Open(settings.Traces);
        var files = source.List;

        if (settings.Overrides is not null)
            foreach (var d in session.UseOverrides(ReadOverrides(settings.Overrides))) output.WriteLine(d.ToString());
        if (settings.Attribution is not null) session.UseAttribution(AttributionFixFile.Read(settings.Attribution, definition, output));
        var fixes = session.Fixes;
        var context = new ReportContext(definition, EngineInfo.Version, started);
        var verbosity = ParseVerbosity(settings.Verbosity);
        var failOn = settings.FailOn switch { "warning" => Severity.Warning, "error" => Severity.Error, _ => (Severity?)null };

        var policy = OutputPolicy.FromEnvironment(output.WriteLine);
        var sinks = OpenSinks(settings, policy, source.Read, context);
        if (settings.Html is not null)
            sinks.Add(new HtmlReviewWriter(settings.Html, new HtmlReviewOptions
            {
                ReadFile = source.Read,
                Parallelism = session.Parallelism,
                // The pages show the attribution that was graded: the same fixes, and low-confidence segments flagged.
                Analyze = session.Grader.Analyze,
                LowConfidence = s => s.Confidence == AttributionConfidence.Low ? s.Reason : null,
            }));
        var keepAll = settings.Output is not null || settings.Into is not null;
        var grades = new List<TraceGrade>();
        var errors = new List<TraceError>();
        var skipped = new List<SkippedFile>();
        var summary = new RunSummary(definition);
        var tripped = false;
        var ruleFailures = 0;
        var findingLines = new List<string>();
        try
        {
            // Opened now, like the streaming outputs, so a file another run writes meanwhile is noticed at the rename.
            using var workbook = settings.Output is null ? null : AtomicFile.Create(settings.Output, policy);
            foreach (var sink in sinks) sink.Begin(context);
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
                foreach (var w in result.OverrideWarnings) output.WriteLine(w.ToString());
                foreach (var sink in sinks)
                    if (sink is HtmlReviewWriter site) site.Add(grade, result.Analysis); else sink.Add(grade);
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

            // Every file is accounted for: skipped files are listed (a companion file as a note, a file that might be
            // a trace as a warning), and -v detailed says which format each file was read as.
            void Skip(SkippedFile file)
            {
                skipped.Add(file);
                if (file.MightBeTrace || verbosity != ConsoleVerbosity.Quiet) output.WriteLine(file.ToString());
            }
            void FileRead(FileReadResult content)
            {
                if (verbosity == ConsoleVerbosity.Detailed) foreach (var d in content.ReadAs) output.WriteLine(d.ToString());
                foreach (var s in content.Skipped) Skip(s);
                foreach (var w in content.Warnings) output.WriteLine(w.ToString());
            }
            foreach (var error in files.Errors) { errors.Add(error); output.WriteLine(error.ToString()); }
            foreach (var file in files.Skipped) Skip(file);
            if (showProgress)
            {
                console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("grading", maxValue: files.Files.Count);
                        foreach (var r in session.Grade(source, () => task.Increment(1), FileRead)) Consume(r);
                    });
                foreach (var line in findingLines) output.WriteLine(line);
            }
            else
            {
                foreach (var r in session.Grade(source, fileRead: FileRead)) Consume(r);
            }

            if (summary.Count == 0)
            {
                // A run that read no trace (a mistyped folder, an empty one, every file broken) replaces nothing.
                summary.Print(console, errors.Count, skipped);
                throw new UserErrorException(NothingGraded(settings, errors.Count));
            }
            var coverage = summary.CoverageWarnings();
            foreach (var w in coverage) output.WriteLine($"{settings.Rubric}: warning: {w}");
            var run = new RunInfo(Path.GetFullPath(settings.Rubric), definition.Title, rubric.Sha256, EngineInfo.Version,
                started, DateTimeOffset.Now, summary.Count, errors, RunOptions(settings, fixes)) { Skipped = skipped, Warnings = coverage };
            foreach (var unused in fixes.Unused())
                output.WriteLine($"{settings.Attribution}: warning: no graded trace has the id or student '{unused}'; its fixes were not applied.");
            var replaced = new List<(string Label, string Shown, ReplaceResult? Result)>();
            foreach (var sink in sinks) sink.Complete(run);
            ReportSinkWarnings(sinks);
            if (workbook is not null)
                replaced.Add(("gradebook", settings.Output!, ExcelGradebookWriter.Commit(workbook, GradebookRule.From(definition), grades, run)));
            if (settings.Into is not null)
                UpdateGradebook(settings, definition, grades, started, policy);
            foreach (var unused in session.UnusedOverrides()) output.WriteLine(unused.ToString());

            summary.Print(console, errors.Count, skipped, table: verbosity is not ConsoleVerbosity.Quiet);
            if (settings.Csv is not null) replaced.Add(("CSV", settings.Csv, FileResult(sinks, settings.Csv)));
            if (settings.Sarif is not null) replaced.Add(("SARIF", settings.Sarif, FileResult(sinks, settings.Sarif)));
            if (settings.Feedback is not null) replaced.Add(("feedback", settings.Feedback, null));
            if (settings.Html is not null) replaced.Add(("review site", settings.Html, null));
            PrintWritten(replaced);
        }
        catch (OutputLockTimeoutException e)
        {
            throw new UserErrorException(e.Message); // another run held an output past the wait: exit 2, message names it
        }
        finally
        {
            foreach (var sink in sinks) sink.Dispose();
        }
        var mightBeTraces = skipped.Any(s => s.MightBeTrace);
        return errors.Count > 0 || mightBeTraces || ruleFailures > 0 || tripped ? ExitCodes.Partial : ExitCodes.Success;
    }

    /// <summary>The rows of <c>--overrides</c>; a bad row is printed and skipped.</summary>
    private IReadOnlyList<ManualOverride> ReadOverrides(string path)
    {
        if (!File.Exists(path)) throw new UserErrorException($"{path}: error: the overrides file was not found.");
        var set = OverrideFile.Read(path);
        foreach (var e in set.Errors) output.WriteLine(e.ToString());
        return set.Overrides;
    }

    /// <summary>The folder SARIF URIs are relative to: the common folder of the traces named on the command line.</summary>
    private static string TraceRoot(IReadOnlyList<string> traces)
    {
        var folders = traces.Select(t => Path.GetFullPath(Directory.Exists(t) ? t : Path.GetDirectoryName(Path.GetFullPath(t)) ?? ".")).ToList();
        var root = folders.FirstOrDefault() ?? Path.GetFullPath(".");
        while (folders.Any(f => Path.GetRelativePath(root, f).StartsWith("..", StringComparison.Ordinal)) && Path.GetDirectoryName(root) is { } parent) root = parent;
        return root;
    }

    private static List<IGradeSink> OpenSinks(GradeSettings settings, OutputPolicy policy, Func<string, FileReadResult> readFile, ReportContext context)
    {
        var sinks = new List<IGradeSink>();
        try
        {
            if (settings.Csv is not null)
            {
                var assignment = settings.Assignment ?? context.Rubric.Title;
                var max = context.Rules.Sum(r => r.Points);
                // Moodle, Blackboard and Brightspace files are written by their own import rules, from their own export.
                LmsSystem? native = settings.CsvFormat switch { "moodle" => LmsSystem.Moodle, "blackboard" => LmsSystem.Blackboard, "brightspace" => LmsSystem.Brightspace, _ => null };
                var lmsRoster = native is { } n && settings.Roster is not null ? LmsRoster.Read(settings.Roster, n) : null;
                if (native is { } system) LmsRoster.CheckAssignment(system, lmsRoster, assignment, settings.NewAssignment);
                var roster = settings.Roster is null || native is not null ? null : CanvasRoster.Read(settings.Roster);
                var canvasRoster = settings.CsvFormat == "canvas" ? roster : null;
                canvasRoster?.CheckAssignment(assignment, settings.NewAssignment);
                sinks.Add(CsvGradeSink.ToFile(settings.Csv, new CsvExportOptions
                {
                    Format = settings.CsvFormat switch
                    {
                        "canvas" => CsvGradeFormat.Canvas, "gradescope" => CsvGradeFormat.Gradescope, "moodle" => CsvGradeFormat.Moodle,
                        "blackboard" => CsvGradeFormat.Blackboard, "brightspace" => CsvGradeFormat.Brightspace, _ => CsvGradeFormat.Plain,
                    },
                    AssignmentName = settings.Assignment,
                    Roster = roster,
                    LmsRoster = lmsRoster,
                    Scale = canvasRoster?.ScaleFor(assignment, max, settings.ScaleToPoints) ?? lmsRoster?.ScaleFor(assignment, max, settings.ScaleToPoints) ?? 1,
                }, policy));
            }
            if (settings.Sarif is not null)
                sinks.Add(SarifWriter.ToFile(settings.Sarif, new SarifOptions { BaseDirectory = TraceRoot(settings.Traces), ReadFile = readFile }, policy));
            if (settings.Feedback is not null) sinks.Add(new FeedbackWriter(settings.Feedback, policy));
        }
        catch (Exception e) when (e is CanvasRosterException or GradebookUpdateException)
        {
            foreach (var s in sinks) s.Dispose();
            throw new UserErrorException(e.Message.Contains("error:", StringComparison.Ordinal) ? e.Message : $"{settings.Roster}: error: {e.Message}");
        }
        return sinks;
    }

    private void ReportSinkWarnings(IEnumerable<IGradeSink> sinks)
    {
        foreach (var sink in sinks)
            if (sink is FileGradeSink<CsvGradeSink> csv)
            {
                foreach (var u in csv.Inner.Unmatched) output.WriteLine(u.ToString());
                foreach (var n in csv.Inner.NotGraded) output.WriteLine(n);
            }
    }

    private void UpdateGradebook(GradeSettings settings, RubricDefinition definition, IReadOnlyList<TraceGrade> grades, DateTimeOffset now, OutputPolicy policy)
    {
        try
        {
            var report = GradebookUpdater.Update(settings.Into!, grades, new GradebookUpdateOptions(settings.Column ?? settings.Assignment ?? definition.Title)
            {
                Sheet = settings.Sheet,
                Key = settings.Key,
                PerCriterion = settings.PerCriterion,
                NewAssignment = settings.NewAssignment,
                ScaleToPoints = settings.ScaleToPoints,
                Rules = GradebookRule.From(definition),
                Now = now,
                Policy = policy,
            });
            if (report.Reapplied > 0)
                output.WriteLine($"{settings.Into}: note: the gradebook was saved by somebody else while this run wrote it; read it again and wrote this run's columns into their version.");
            output.WriteLine($"Updated {report.StudentsUpdated} students in {report.Path} (backup: {report.BackupPath}).");
            foreach (var s in report.StudentsWithoutTrace) output.WriteLine($"{settings.Into}: warning: no trace for student {s}");
            foreach (var t in report.TracesWithoutStudent) output.WriteLine($"{t}: warning: no student in {settings.Into} matches this trace");
            foreach (var g in grades.Where(g => g.IsPartial()))
                output.WriteLine($"{settings.Into}: warning: total of {g.Student.Id} not written, {g.PartialText()}; the cell was left as it was");
            foreach (var k in report.KeptOverrides) output.WriteLine($"{settings.Into}: note: kept manual value for {k.Student} in '{k.Column}' ({k.Existing}; computed {k.Computed})");
        }
        catch (GradebookUpdateException e)
        {
            throw new UserErrorException($"{settings.Into}: error: {e.Message}");
        }
    }

    private void PrintWritten(IEnumerable<(string Label, string Shown, ReplaceResult? Result)> written)
    {
        foreach (var (label, shown, result) in written)
        {
            if (result?.ChangedSinceStart == true)
                output.WriteLine($"{shown}: note: another run (or a person) wrote this file after this run started; it was replaced with this run's {label}.");
            if (result?.BackupPath is { } backup)
                output.WriteLine($"{shown}: note: kept the replaced file as {backup} ({result.BackupReason}).");
            output.WriteLine($"Wrote {label}: {shown}");
        }
    }

    private static ReplaceResult? FileResult(IEnumerable<IGradeSink> sinks, string path)
    {
        var full = Path.GetFullPath(path);
        return sinks.Select(s => s switch
        {
            FileGradeSink<CsvGradeSink> c when c.Path == full => c.Result,
            FileGradeSink<SarifWriter> x when x.Path == full => x.Result,
            _ => null,
        }).FirstOrDefault(r => r is not null);
    }

    /// <summary>"error: nothing graded; grades.xlsx left as it was" — naming every output the run would have written.</summary>
    private static string NothingGraded(GradeSettings s, int errors)
    {
        var outputs = new[] { s.Output, s.Csv, s.Sarif, s.Into }.OfType<string>().ToList();
        var kept = outputs.Where(File.Exists).ToList();
        var text = "error: nothing graded";
        if (kept.Count > 0) text += $"; {string.Join(", ", kept)} left as {(kept.Count == 1 ? "it was" : "they were")}";
        var absent = outputs.Except(kept).ToList();
        if (absent.Count > 0) text += $"; {string.Join(", ", absent)} not written";
        return text + (errors > 0 ? " (no trace could be read: see the errors above)." : $" (no trace file was found in {string.Join(", ", s.Traces)}).");
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
