using System.Text;
using RubricEngine.Text;

namespace RubricEngine.Reports.Sarif;

/// <summary>A region in a trace file's own coordinates: lines and columns from 1, columns in UTF-16 code units, end exclusive.</summary>
internal readonly record struct FileRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);
