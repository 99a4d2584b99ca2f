using CsvHelper;
using RubricEngine.Grading;

namespace RubricEngine.Reports.Csv;

/// <summary>The columns and rows of one LMS's grade CSV.</summary>
internal interface ICsvLayout
{
    void WriteHeader(CsvWriter csv, ReportContext context);

    void WriteGrade(CsvWriter csv, TraceGrade grade);

    void Complete(CsvWriter csv);

    IReadOnlyList<UnmatchedStudent> Unmatched { get; }
}
