using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace RubricEngine.Scripting;

/// <summary>A rule ran past its time limit and was stopped at its next loop iteration or call.</summary>
public sealed class RuleTimeoutException(TimeSpan limit)
    : Exception($"The rule did not finish within {RuleTimeoutException.Format(limit)}.")
{
    /// <summary>The limit the rule exceeded.</summary>
    public TimeSpan Limit { get; } = limit;

    /// <summary><c>5 s</c>, <c>0.25 s</c>: how the limit reads in messages.</summary>
    public static string Format(TimeSpan limit) =>
        limit.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
