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
