namespace RubricEngine.Traces;

/// <summary>A file attached to a message; <see cref="Text"/> is its extracted text when the export carries it.</summary>
public sealed record Attachment(string Name, string? MediaType, string? Text);
