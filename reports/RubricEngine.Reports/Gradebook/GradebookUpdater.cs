using ClosedXML.Excel;
using RubricEngine.Grading;
using RubricEngine.Reports.IO;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// Writes grades into an existing course gradebook (<c>.xlsx</c> or <c>.csv</c>, e.g. a Canvas export) in place:
/// matches students by a key column, writes the total (and, on request, each criterion) into named columns,
/// adds missing columns at the end, and leaves everything else as it was. A timestamped backup is made first;
/// the new file replaces the old one atomically.
/// </summary>
/// <remarks>
/// A cell a grader set by hand is kept when it is marked as an override — in xlsx a note whose text starts with
/// "override", in CSV a value starting with "override" — and its value differs; it is listed in the report.
/// </remarks>
public static class GradebookUpdater
{
    /// <summary>Updates the gradebook at <paramref name="path"/>; throws <see cref="GradebookUpdateException"/> before touching it when it cannot.</summary>
    public static UpdateReport Update(string path, IReadOnlyList<TraceGrade> grades, GradebookUpdateOptions options)
    {
        if (!File.Exists(path)) throw new GradebookUpdateException($"The gradebook \"{path}\" does not exist.");
        var plan = new GradebookPlan(grades, options);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".xlsx":
            case ".xlsm":
            {
                using var workbook = Open(path);
                XlsxGradebookUpdate.Apply(workbook, plan);
                var backup = AtomicFile.Backup(path, options.Now ?? DateTimeOffset.Now);
                AtomicFile.Write(path, stream => workbook.SaveAs(stream));
                return plan.Report(path, backup);
            }
            case ".csv":
            case ".txt":
            {
                var bytes = File.ReadAllBytes(path);
                var updated = CsvGradebookUpdate.Apply(bytes, plan);
                var backup = AtomicFile.Backup(path, options.Now ?? DateTimeOffset.Now);
                AtomicFile.Write(path, stream => stream.Write(updated));
                return plan.Report(path, backup);
            }
            default:
                throw new GradebookUpdateException($"Cannot update \"{path}\": only .xlsx and .csv gradebooks are supported.");
        }
    }

    private static XLWorkbook Open(string path)
    {
        try
        {
            return new XLWorkbook(path);
        }
        catch (Exception e) when (e is not GradebookUpdateException)
        {
            throw new GradebookUpdateException($"Cannot open \"{path}\" as a workbook: {e.Message}");
        }
    }
}
