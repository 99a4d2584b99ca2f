using System.Globalization;
using Humanizer;
using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>Options of <see cref="NumbersGroundedCheck"/>.</summary>
public sealed record NumbersGroundedOptions
{
    /// <summary>Also read numbers inside formulas (off: only a formula that is just a quantity counts).</summary>
    public bool IncludeMath { get; init; }

    /// <summary>No points at all when any number is ungrounded (default: points in proportion to grounded numbers).</summary>
    public bool Strict { get; init; }

    /// <summary>Also note names with digits that are not in the sources (RE0003, no points deducted).</summary>
    public bool CheckIdentifiers { get; init; } = true;

    /// <summary>Names with digits that are common knowledge and need no source ("GPT-4", "ImageNet").</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];
}
