using System.Globalization;
using RubricEngine.Grading;
using RubricEngine.Reports.Excel;

namespace RubricEngine.Reports.Gradebook;

/// <summary>A column the update writes: the total (no rule) or one criterion.</summary>
internal sealed record TargetColumn(string Header, string? RuleId);
