namespace RubricEngine.Checks.Latex;

/// <summary>
/// The small expression tree the parser builds. Lists are plain arrays: nodes are compared through their
/// normal form (<see cref="Polynomial"/>), never structurally.
/// </summary>
internal abstract record MathNode;

/// <summary>A variable with its canonical subscript: <c>W_{1}</c>, <c>U_{k}</c>, <c>\Lambda_{k}</c>, <c>\hat{X}</c>.</summary>
internal sealed record SymNode(string Name) : MathNode;

internal sealed record NumNode(double Value) : MathNode;

/// <summary>Terms of a sum; <see cref="Negated"/>[i] is true for a subtracted term.</summary>
internal sealed record SumNode(MathNode[] Terms, bool[] Negated) : MathNode;

/// <summary>An ordered (non-commutative) product: juxtaposition, <c>\cdot</c>, <c>*</c>, <c>\times</c>.</summary>
internal sealed record ProductNode(MathNode[] Factors) : MathNode;

internal sealed record PowerNode(MathNode Base, MathNode Exponent) : MathNode;

internal sealed record TransposeNode(MathNode Operand) : MathNode;

internal sealed record FracNode(MathNode Numerator, MathNode Denominator) : MathNode;

/// <summary>A function or operator applied to an argument: <c>tr</c>, <c>log</c>, <c>\nabla_{W_{1}}</c>, <c>\sqrt</c>.</summary>
internal sealed record ApplyNode(string Function, MathNode Argument) : MathNode;

/// <summary><c>\|X\|_F</c> (Kind "F"), <c>\|x\|</c> (Kind ""), <c>|x|</c> (Kind "abs").</summary>
internal sealed record NormNode(MathNode Operand, string Kind) : MathNode;

/// <summary>Something the parser keeps as text: too deeply nested input, an unknown construct.</summary>
internal sealed record OpaqueNode(string Text) : MathNode;

/// <summary>
/// One statement of a formula: sides joined by relations (<c>a = b = c</c>, <c>a \Rightarrow b</c>), or a single
/// expression. <see cref="Tag"/> is its <c>\tag{…}</c> label.
/// </summary>
internal sealed record MathStatement(MathNode[] Sides, string[] Relations, string? Tag);
