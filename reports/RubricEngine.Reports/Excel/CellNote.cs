using System.Globalization;

namespace RubricEngine.Reports.Excel;

/// <summary>A note to attach to a cell: 1-based row and column, cleaned text.</summary>
internal readonly record struct CellNote(int Row, int Column, string Text);
