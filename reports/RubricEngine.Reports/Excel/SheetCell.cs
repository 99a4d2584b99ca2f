namespace RubricEngine.Reports.Excel;

/// <summary>
/// One cell to write: cleaned text (always a text cell, never a formula), or a number; an optional style that
/// overrides its column's, and an optional note (Grades only).
/// </summary>
internal readonly struct SheetCell
{
    private SheetCell(string? text, double number, bool isNumber, int style, string? display, string? note)
    {
        Text = text;
        Number = number;
        IsNumber = isNumber;
        Style = style;
        Display = display;
        Note = note;
    }

    /// <summary>Cleaned, non-empty text; null for a number or an empty cell.</summary>
    public string? Text { get; }

    public double Number { get; }

    public bool IsNumber { get; }

    public bool IsEmpty => Text is null && !IsNumber;

    /// <summary>Style index (<see cref="GradebookStyles"/>); 0 takes the column's.</summary>
    public int Style { get; }

    /// <summary>How the number looks, for measuring its column (null: as points, "0.0#").</summary>
    public string? Display { get; }

    /// <summary>Raw note text to attach to the cell (cleaned when written).</summary>
    public string? Note { get; }

    /// <summary>Untrusted text, cleaned; empty text gives an empty cell.</summary>
    public static SheetCell Of(string? text)
    {
        var clean = ExcelText.Clean(text);
        return clean.Length == 0 ? default : new SheetCell(clean, 0, false, 0, null, null);
    }

    /// <summary>An empty cell that still carries a style and a note (a criterion that was not graded).</summary>
    public static SheetCell Blank(int style, string? note = null) => new(null, 0, false, style, null, note);

    public static SheetCell Of(double number, int style = 0, string? display = null, string? note = null) =>
        new(null, double.IsFinite(number) ? number : 0, true, style, display, note);
}
