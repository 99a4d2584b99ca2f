using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Csv;

/// <summary>One student row of a Canvas gradebook export.</summary>
/// <param name="Line">The line of the file the row starts on (for messages).</param>
public sealed record CanvasRosterRow(string Student, string Id, string SisUserId, string SisLoginId, string Section, int Line)
{
    /// <summary>Every cell of the row as read, by column (assignment cells included: an <c>EX</c> is kept).</summary>
    public IReadOnlyList<string> Cells { get; init; } = [];
}
