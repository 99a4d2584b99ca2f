using ClosedXML.Excel;
using RubricEngine.Grading;
using RubricEngine.Reports.IO;
using RubricEngine.Rubrics;

namespace RubricEngine.Reports.Excel;

/// <summary>
/// Writes the gradebook workbook — sheets Grades, Feedback, Findings, Criteria, Run and Errors — atomically.
/// All text from traces is written as text (never a formula), cleaned of characters XML cannot hold.
/// </summary>
public static class ExcelGradebookWriter
{
    /// <summary>Writes the workbook for <paramref name="rubric"/>'s enabled rules to <paramref name="path"/>.</summary>
    public static void Write(string path, RubricDefinition rubric, IReadOnlyList<TraceGrade> grades, RunInfo run, ExcelGradebookOptions? options = null) =>
        Write(path, GradebookRule.From(rubric), grades, run, options);

    /// <summary>Writes the workbook to <paramref name="path"/> through a temporary file and a rename.</summary>
    public static void Write(string path, IReadOnlyList<GradebookRule> rules, IReadOnlyList<TraceGrade> grades, RunInfo run, ExcelGradebookOptions? options = null)
    {
        AtomicFile.Write(path, stream => Write(stream, rules, grades, run, options));
    }

    /// <summary>Writes the workbook to <paramref name="stream"/>, which must be readable, writable and seekable.</summary>
    public static void Write(Stream stream, IReadOnlyList<GradebookRule> rules, IReadOnlyList<TraceGrade> grades, RunInfo run, ExcelGradebookOptions? options = null)
    {
        var data = new GradebookData(rules, grades, run, options ?? ExcelGradebookOptions.Default);
        using (var workbook = Build(data)) workbook.SaveAs(stream);
        FindingsRowsWriter.Fill(stream, data);
    }

    private static XLWorkbook Build(GradebookData data)
    {
        var run = data.Run;
        var workbook = new XLWorkbook();
        try
        {
            // Fixed metadata keeps the same run giving the same workbook.
            workbook.Properties.Created = run.Started.UtcDateTime;
            workbook.Properties.Modified = run.Finished.UtcDateTime;
            workbook.Properties.Author = "rubric";
            workbook.Properties.Title = ExcelText.Clean(run.RubricTitle, 255);
            GradesSheet.Add(workbook, data);
            FeedbackSheet.Add(workbook, data);
            FindingsSheet.Add(workbook, data);
            CriteriaSheet.Add(workbook, data);
            RunSheet.Add(workbook, data);
            ErrorsSheet.Add(workbook, data);
            workbook.Worksheet(GradesSheet.Name).SetTabActive();
            return workbook;
        }
        catch
        {
            workbook.Dispose();
            throw;
        }
    }
}
