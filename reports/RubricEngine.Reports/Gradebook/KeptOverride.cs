namespace RubricEngine.Reports.Gradebook;

/// <summary>A cell left alone because a grader marked it as a manual override and its value differs.</summary>
public sealed record KeptOverride(string Student, string Column, string Existing, string Computed);
