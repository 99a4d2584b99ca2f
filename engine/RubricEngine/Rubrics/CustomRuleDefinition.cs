using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>A free-form rule registered with <c>r.Rule(descriptor, ctx => …)</c>.</summary>
public sealed record CustomRuleDefinition(RuleDescriptor Rule, RuleActions Actions);
