using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Csv;

/// <summary>A Canvas roster file could not be read: names the file, the line and why.</summary>
public sealed class CanvasRosterException(string message) : Exception(message);
