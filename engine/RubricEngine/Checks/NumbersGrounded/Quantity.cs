namespace RubricEngine.Checks;

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
