using RubricEngine.Grading;
using RubricEngine.Rubrics;

namespace RubricEngine.Reports;

/// <summary>
/// What a report writer knows before the first grade arrives: the rubric (its enabled rules name the columns and
/// SARIF rules), the engine version and when the run started.
/// </summary>
/// <param name="Rubric">The rubric, after <c>.rubricconfig</c>.</param>
/// <param name="EngineVersion">The engine's version, for SARIF's tool.driver.version.</param>
/// <param name="Started">When the run started.</param>
public sealed record ReportContext(RubricDefinition Rubric, string EngineVersion, DateTimeOffset Started)
{
    /// <summary>The enabled rules, in rubric order: the same filter the grader applies.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; } = Rubric.ActiveRules.ToList();

    /// <summary>The question each enabled criterion grades (custom rules are absent).</summary>
    public IReadOnlyDictionary<string, Segmentation.QuestionPath> QuestionOf { get; } =
        Rubric.Criteria.GroupBy(c => c.Rule.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Question, StringComparer.Ordinal);
}

/// <summary>
/// A report that is written as grades arrive, so a run over 50k traces never holds them all: <see cref="Begin"/>
/// once, <see cref="Add"/> per trace in the run's deterministic order, <see cref="Complete"/> once. A sink disposed
/// without <see cref="Complete"/> leaves no output behind (file sinks delete their temporary file).
/// </summary>
public interface IGradeSink : IDisposable
{
    /// <summary>Writes whatever comes before the first grade (headers, SARIF tool and rules).</summary>
    void Begin(ReportContext context);

    /// <summary>Writes one trace's grade. Called from one thread, in the run's order.</summary>
    void Add(TraceGrade grade);

    /// <summary>Writes what comes after the last grade and makes the output final (atomic rename for files).</summary>
    void Complete(RunInfo run);
}
