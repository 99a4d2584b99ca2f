namespace RubricEngine.Checks;

/// <summary>What a number measures. Numbers are compared only within one dimension (a bare count aside).</summary>
internal enum Dimension
{
    /// <summary>A bare number or a count of things ("8 V100s", "batch size 512").</summary>
    Count,
    Time,
    Percent,

    /// <summary>Percentage points ("0.8 points", "half a percentage point"): a difference of percentages, not a percentage.</summary>
    Points,
    Ratio,
    Flop,
    Byte,
}

/// <summary>
/// A number found in a text, at [<see cref="Start"/>, <see cref="End"/>) including its qualifier and unit.
/// <see cref="Value"/> is as written (with its ×10ⁿ and "million"); <see cref="UnitFactor"/> turns it into the
/// dimension's base unit (seconds, FLOPs, bytes); <see cref="Step"/> is the place of its last digit, in
/// <see cref="Value"/>'s units ("5.7" → 0.1).
/// </summary>
internal readonly record struct Quantity(
    int Start,
    int End,
    double Value,
    Dimension Dimension,
    double UnitFactor,
    double Step,
    bool Approximate,
    bool IsFinite)
{
    public double BaseValue => Value * UnitFactor;
}

/// <summary>A token with letters and digits ("ResNet-18", "V100s", "p3.2xlarge") or a year, at [Start, End).</summary>
internal readonly record struct IdentifierToken(int Start, int End, string Text);
