namespace RubricEngine.Checks;

/// <summary>A token with letters and digits ("ResNet-18", "V100s", "p3.2xlarge") or a year, at [Start, End).</summary>
internal readonly record struct IdentifierToken(int Start, int End, string Text);
