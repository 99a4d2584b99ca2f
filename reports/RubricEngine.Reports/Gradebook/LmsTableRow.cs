namespace RubricEngine.Reports.Gradebook;

/// <summary>One row of an LMS file below its header; <see cref="Line"/> is where it starts in the file (1-based).</summary>
public sealed record LmsTableRow(int Line, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column >= 0 && column < Cells.Count ? Cells[column] : "";
}
