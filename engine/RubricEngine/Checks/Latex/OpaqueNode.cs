namespace RubricEngine.Checks.Latex;

/// <summary>Something the parser keeps as text: too deeply nested input, an unknown construct.</summary>
internal sealed record OpaqueNode(string Text) : MathNode;
