using System.Globalization;
using RubricEngine.Rubrics;

namespace RubricEngine.Configuration;

/// <summary>A configured value and the 1-based line of the config file that set it.</summary>
internal sealed record Setting<T>(T Value, int Line);
