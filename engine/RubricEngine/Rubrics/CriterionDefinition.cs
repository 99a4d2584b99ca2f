using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>A criterion: a rule attached to one question, judged by one check on every attempt.</summary>
public sealed record CriterionDefinition(RuleDescriptor Rule, QuestionPath Question, ICheck Check);
