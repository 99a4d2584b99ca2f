namespace RubricEngine.Traces;

/// <summary>The student a trace belongs to. Only <see cref="Id"/> is required.</summary>
public sealed record Student(string Id, string? Name = null, string? Email = null);
