namespace RubricEngine.Checks.Latex;

/// <summary>Terms of a sum; <see cref="Negated"/>[i] is true for a subtracted term.</summary>
internal sealed record SumNode(MathNode[] Terms, bool[] Negated) : MathNode;
