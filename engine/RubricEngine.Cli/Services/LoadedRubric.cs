using RubricEngine.Rubrics;

namespace RubricEngine.Cli.Services;

/// <summary>A rubric ready to grade with: its definition after <c>.rubricconfig</c>, and what identifies it.</summary>
public sealed record LoadedRubric(string Path, RubricDefinition Definition, string Sha256, TimeSpan RuleTimeout, Grading.IRuleRunner Runner);
