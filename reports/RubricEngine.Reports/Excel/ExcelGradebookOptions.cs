namespace RubricEngine.Reports.Excel;

/// <summary>Choices for <see cref="ExcelGradebookWriter"/>.</summary>
public sealed record ExcelGradebookOptions
{
    /// <summary>Attach each lost-points comment to its Grades cell as a note.</summary>
    public bool Notes { get; init; } = true;

    /// <summary>Widest a column is made, in characters.</summary>
    public int MaxColumnWidth { get; init; } = 60;

    public static ExcelGradebookOptions Default { get; } = new();
}
