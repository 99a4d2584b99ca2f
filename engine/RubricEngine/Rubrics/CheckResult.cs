using RubricEngine.Text;

namespace RubricEngine.Rubrics;

/// <summary>
/// What a check concluded about one answer: a score from 0 (nothing) to 1 (full points), the comment that
/// explains every lost point, and the evidence behind it.
/// </summary>
public sealed record CheckResult(double Score, string Message, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>Full points.</summary>
    public static CheckResult Pass(string message = "") => new(1, message, []);

    /// <summary>No points, with the reason.</summary>
    public static CheckResult Fail(string message, params Evidence[] evidence) => new(0, message, evidence);

    /// <summary>Part of the points: <paramref name="score"/> between 0 and 1.</summary>
    public static CheckResult Partial(double score, string message, params Evidence[] evidence) =>
        new(Math.Clamp(score, 0, 1), message, evidence);

    /// <summary>True when the check gave full points.</summary>
    public bool Passed => Score >= 1;
}
