using RubricEngine.Cli.Commands;
using RubricEngine.Cli.Services;
using RubricEngine.Reports;
using RubricEngine.Reports.Csv;
using RubricEngine.Reports.Gradebook;

namespace RubricEngine.Cli.Outputs;

/// <summary>
/// Every output <c>rubric grade</c> can write, in the order they are completed and announced. A new report format is
/// its sink in <c>reports/…/&lt;Format&gt;/</c>, an <see cref="IReportOutput"/> here, its option in
/// <see cref="GradeSettings"/> and one line in <see cref="All"/>.
/// </summary>
internal static class ReportOutputs
{
    /// <summary>
    /// The outputs, in completion order. The gradebook update comes last: it changes a file the TA owns, so every
    /// file of ours is written first, and its messages close the list.
    /// </summary>
    public static IReadOnlyList<IReportOutput> All { get; } =
    [
        new WorkbookOutput(),
        new CsvOutput(),
        new SarifOutput(),
        new FeedbackOutput(),
        new ReviewSiteOutput(),
        new IntoOutput(),
    ];

    /// <summary>The outputs the options ask for.</summary>
    public static IEnumerable<IReportOutput> Requested(GradeSettings settings) => All.Where(o => o.Target(settings) is not null);

    /// <summary>
    /// Opens the requested outputs; when one cannot be opened (a roster the LMS rules refuse), the ones already
    /// opened are disposed, so no temporary file is left, and the reason is a user error naming the file.
    /// </summary>
    public static List<OpenReport> Open(GradeSettings settings, ReportEnvironment environment)
    {
        var opened = new List<OpenReport>();
        try
        {
            foreach (var output in Requested(settings)) opened.Add(new OpenReport(output, output.Open(settings, environment)));
            return opened;
        }
        catch (Exception e) when (e is CanvasRosterException or GradebookUpdateException)
        {
            foreach (var o in opened) o.Sink.Dispose();
            throw new UserErrorException(e.Message.Contains("error:", StringComparison.Ordinal) ? e.Message : $"{settings.Roster}: error: {e.Message}");
        }
        catch
        {
            foreach (var o in opened) o.Sink.Dispose();
            throw;
        }
    }
}
