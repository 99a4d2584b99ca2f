using CsvHelper;
using RubricEngine.Grading;
using RubricEngine.Reports.IO;
using RubricEngine.Reports.Safety;

namespace RubricEngine.Reports.Csv;

/// <summary>
/// Writes a grade CSV row by row as grades arrive (Canvas with a roster buffers only one score per roster row, and
/// writes in roster order at the end). Output bytes depend only on the grades and their order.
/// </summary>
public sealed class CsvGradeSink : IGradeSink
{
    private readonly CsvWriter _csv;
    private readonly ICsvLayout _layout;
    private readonly bool _hasComments;
    private readonly bool _omitsUngraded;
    private readonly List<string> _notGraded = [];
    private bool _begun;

    /// <summary>Writes to <paramref name="stream"/> (left open).</summary>
    public CsvGradeSink(Stream stream, CsvExportOptions options)
    {
        _csv = CsvCells.Open(stream, options.ByteOrderMark, quoteAll: options.Format == CsvGradeFormat.Blackboard);
        _layout = options.Format switch
        {
            CsvGradeFormat.Canvas => new CanvasCsvLayout(options),
            CsvGradeFormat.Gradescope => new GradescopeCsvLayout(),
            CsvGradeFormat.Moodle => new LmsCsvLayout(Gradebook.LmsImportRules.For(Gradebook.LmsSystem.Moodle), options),
            CsvGradeFormat.Blackboard => new LmsCsvLayout(Gradebook.LmsImportRules.For(Gradebook.LmsSystem.Blackboard), options),
            CsvGradeFormat.Brightspace => new LmsCsvLayout(Gradebook.LmsImportRules.For(Gradebook.LmsSystem.Brightspace), options),
            _ => new PlainCsvLayout(),
        };
        _omitsUngraded = _layout is LmsCsvLayout;
        _hasComments = options.Format == CsvGradeFormat.Plain;
    }

    /// <summary>
    /// A CSV file written atomically: it appears only after <see cref="IGradeSink.Complete"/>; a file it replaces
    /// that held more students is kept as a backup (<see cref="ShrinkingOutput"/>).
    /// </summary>
    public static FileGradeSink<CsvGradeSink> ToFile(string path, CsvExportOptions options, OutputPolicy? policy = null) =>
        new(path, stream => new CsvGradeSink(stream, options), policy, new ReplaceOptions { BackupIf = ShrinkingOutput.Csv });

    /// <summary>Traces without a row (Canvas with a roster): known after <see cref="Complete"/>.</summary>
    public IReadOnlyList<UnmatchedStudent> Unmatched => _layout.Unmatched;

    /// <summary>
    /// For layouts without a comment column (Canvas, Gradescope): one warning per trace whose score was left empty
    /// because a criterion was not graded, with the reason.
    /// </summary>
    public IReadOnlyList<string> NotGraded => _notGraded;

    public void Begin(ReportContext context)
    {
        _layout.WriteHeader(_csv, context);
        _begun = true;
    }

    public void Add(TraceGrade grade)
    {
        if (!_begun) throw new InvalidOperationException("Begin must be called before Add.");
        _layout.WriteGrade(_csv, grade);
        if (!_hasComments && grade.IsPartial())
            _notGraded.Add($"{grade.File}: warning: the score of {grade.Student.Id} is {(_omitsUngraded ? "not in the CSV (no row)" : "left empty in the CSV")}, {grade.PartialText()}: " +
                string.Join(" ", grade.Criteria.Where(c => c.IsNotGraded()).Select(c => $"{c.Rule.Id}: {c.Comment}")));
    }

    public void Complete(RunInfo run)
    {
        _layout.Complete(_csv);
        _csv.Flush();
    }

    public void Dispose() => _csv.Dispose();
}
