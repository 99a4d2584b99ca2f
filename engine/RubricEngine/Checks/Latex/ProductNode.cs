namespace RubricEngine.Checks.Latex;

/// <summary>An ordered (non-commutative) product: juxtaposition, <c>\cdot</c>, <c>*</c>, <c>\times</c>.</summary>
internal sealed record ProductNode(MathNode[] Factors) : MathNode;
