using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>A rubric as its script built it: everything the grader needs, nothing about files or reports.</summary>
public sealed record RubricDefinition(
    string Title,
    Attempt Policy,
    IReadOnlyList<SourceText> Sources,
    IReadOnlyList<QuestionDefinition> Questions,
    IReadOnlyList<CriterionDefinition> Criteria,
    IReadOnlyList<CustomRuleDefinition> CustomRules)
{
    /// <summary>Every rule's descriptor, criteria first, in the order the rubric declared them.</summary>
    public IEnumerable<RuleDescriptor> Rules => Criteria.Select(c => c.Rule).Concat(CustomRules.Select(r => r.Rule));

    /// <summary>The rules that are graded (<see cref="RuleDescriptor.IsActive"/>), in rubric order.</summary>
    public IEnumerable<RuleDescriptor> ActiveRules => Rules.Where(r => r.IsActive);

    /// <summary>Total points of the graded rules.</summary>
    public double MaxPoints => ActiveRules.Sum(r => r.Points);

    /// <summary>What the segmenter needs to know about the questions.</summary>
    public SegmenterOptions SegmenterOptions => new()
    {
        Questions = Questions.Select(q => q.Path).ToList(),
        Aliases = Questions
            .SelectMany(q => q.Aliases.Select(a => (a, q.Path)))
            .GroupBy(x => x.a, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Path, StringComparer.OrdinalIgnoreCase),
        Titles = Questions.Where(q => !string.IsNullOrWhiteSpace(q.Title)).ToDictionary(q => q.Path, q => q.Title!),
        Statements = Questions.Where(q => !string.IsNullOrWhiteSpace(q.Statement)).ToDictionary(q => q.Path, q => q.Statement!),
    };
}
