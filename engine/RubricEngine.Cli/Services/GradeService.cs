using System.Globalization;
using RubricEngine.Cli.Commands;
using RubricEngine.Cli.Outputs;
using RubricEngine.Grading;
using RubricEngine.Hosting;
using RubricEngine.Reports;
using RubricEngine.Reports.ConsoleOutput;
using RubricEngine.Reports.Gradebook;
using RubricEngine.Reports.IO;
using RubricEngine.Reports.Overrides;
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
            // A report that shows the conversation (the review site) renders it from the analysis its grade was made
            // from, kept in a bounded window, instead of reading each trace again.
            KeepAnalyses = ReportOutputs.Requested(settings).Any(o => o.ShowsConversation),
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
        var errors = new List<TraceError>();
        var skipped = new List<SkippedFile>();
        var summary = new RunSummary(definition);
        var tripped = false;
        var ruleFailures = 0;
        var findingLines = new List<string>();
        List<OpenReport> reports = [];
        try
        {
            // Opened before grading, so a bad roster or a locked output stops the run before any work, and a file
            // another run writes meanwhile is noticed at the rename.
            reports = ReportOutputs.Open(settings, new ReportEnvironment(context, policy, source, session, TraceRoot(settings.Traces)));
            foreach (var report in reports) report.Sink.Begin(context);
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
                foreach (var report in reports)
                    if (report.Sink is IConversationSink conversation) conversation.Add(grade, result.Analysis); else report.Sink.Add(grade);
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
            foreach (var report in reports)
            {
                Complete(report, run, settings);
                report.Output.ReportWritten(report.Sink, settings, output);
            }
            foreach (var unused in session.UnusedOverrides()) output.WriteLine(unused.ToString());

            summary.Print(console, errors.Count, skipped, table: verbosity is not ConsoleVerbosity.Quiet);
            PrintWritten(reports, settings);
        }
        catch (OutputLockTimeoutException e)
        {
            throw new UserErrorException(e.Message); // another run held an output past the wait: exit 2, message names it
        }
        finally
        {
            foreach (var report in reports) report.Sink.Dispose();
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

    /// <summary>Completes one output; a gradebook the LMS rules refuse at the end is a user error naming it.</summary>
    private static void Complete(OpenReport report, RunInfo run, GradeSettings settings)
    {
        try
        {
            report.Sink.Complete(run);
        }
        catch (GradebookUpdateException e)
        {
            throw new UserErrorException($"{report.Output.Target(settings)}: error: {e.Message}");
        }
    }

    /// <summary>"Wrote CSV: hw7.csv", after a note when the file was changed by somebody else meanwhile or backed up.</summary>
    private void PrintWritten(IEnumerable<OpenReport> reports, GradeSettings settings)
    {
        foreach (var report in reports)
        {
            if (report.Output.Label is not { } label) continue;
            var shown = report.Output.Target(settings)!;
            if (report.Sink is IReplacesFile { Result: { } result })
            {
                if (result.ChangedSinceStart)
                    output.WriteLine($"{shown}: note: another run (or a person) wrote this file after this run started; it was replaced with this run's {label}.");
                if (result.BackupPath is { } backup)
                    output.WriteLine($"{shown}: note: kept the replaced file as {backup} ({result.BackupReason}).");
            }
            output.WriteLine($"Wrote {label}: {shown}");
        }
    }

    /// <summary>"error: nothing graded; grades.xlsx left as it was" — naming every output the run would have written.</summary>
    private static string NothingGraded(GradeSettings s, int errors)
    {
        var outputs = ReportOutputs.Requested(s).Where(o => o.WritesFile).Select(o => o.Target(s)!).ToList();
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
        foreach (var o in ReportOutputs.All) Add(o.OptionKey, o.Target(s));
        Add("csv-format", s.Csv is null ? null : s.CsvFormat);
        Add("overrides", s.Overrides); Add("roster", s.Roster);
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
