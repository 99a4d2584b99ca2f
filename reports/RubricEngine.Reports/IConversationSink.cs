using RubricEngine.Grading;
using RubricEngine.Rubrics;

namespace RubricEngine.Reports;

/// <summary>
/// A report that shows the conversation a grade was made from (the review site). The run hands it the analysis the
/// grader already made (the trace parsed and segmented) instead of the report reading the file a second time.
/// </summary>
public interface IConversationSink : IGradeSink
{
    /// <summary>Writes one trace's grade with its analysis; <paramref name="analysis"/> is null when the run kept none.</summary>
    void Add(TraceGrade grade, TraceAnalysis? analysis);
}
