using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using RubricEngine.Grading;
using RubricEngine.Reports;

namespace RubricEngine.Tests.Reports.Csv;

/// <summary>Runs a sink over grades and reads CSV files back with CsvHelper.</summary>
internal static class CsvTestFiles
{
    public static void Run(IGradeSink sink, params TraceGrade[] grades) => Run(sink, ReportFilesGradeBuilder.Context(), grades);

    public static void Run(IGradeSink sink, ReportContext context, params TraceGrade[] grades)
    {
        using (sink)
        {
            sink.Begin(context);
            foreach (var g in grades) sink.Add(g);
            sink.Complete(ReportFilesGradeBuilder.Run(grades.Length));
        }
    }

    public static List<string[]> ReadRows(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(csv.Record!);
        return rows;
    }

    public static double ParseInvariant(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
