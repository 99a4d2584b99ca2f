using RubricEngine.Text;

namespace RubricEngine.Segmentation;

/// <summary>One part of a marker, lower case.</summary>
public readonly record struct MarkerPart(string Value, MarkerPartKind Kind);
