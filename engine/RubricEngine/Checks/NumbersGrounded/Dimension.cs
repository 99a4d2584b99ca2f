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
