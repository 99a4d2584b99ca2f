namespace RubricEngine.Reports.Gradebook;

/// <summary>The gradebook could not be updated (no such sheet, no key column…); the file was not touched.</summary>
public sealed class GradebookUpdateException(string message) : Exception(message);
