namespace RubricEngine.Reports.Gradebook;

/// <summary>One column of the file and what the LMS does with it.</summary>
/// <param name="Index">0-based column index.</param>
/// <param name="Item">The grade item's name, for grade columns.</param>
/// <param name="ItemId">The item's id when the header carries one.</param>
/// <param name="Points">Points possible as the file (or the export) says.</param>
/// <param name="Meaning">One sentence: what the LMS does with the column.</param>
public sealed record LmsColumn(int Index, string Header, LmsColumnRole Role, string? Item, string? ItemId, double? Points, string Meaning);
