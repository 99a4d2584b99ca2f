using System.Globalization;
using RubricEngine.Rubrics;

namespace RubricEngine.Configuration;

/// <summary>A <c>.rubricconfig</c> value is wrong; the message reads <c>.rubricconfig(4): error: …</c>.</summary>
internal sealed class RubricConfigException(string file, int line, string reason)
    : Exception($"{file}({line}): error: {reason}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
