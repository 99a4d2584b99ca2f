namespace RubricEngine.Reports.Gradebook;

/// <summary>A finding of the import check, placed at a line of the file when it concerns one row.</summary>
public sealed record LmsIssue(LmsIssueSeverity Severity, int? Line, string Message);
