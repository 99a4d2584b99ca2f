using RubricEngine.Text;

namespace RubricEngine.Rubrics;

/// <summary>
/// A piece of text behind a check's verdict: an invented number, a missing step. <see cref="Span"/> is in the
/// content of the answer's message.
/// </summary>
/// <param name="Span">Where in the message.</param>
/// <param name="Message">One sentence a student understands: "~18 hours is not in the sources."</param>
/// <param name="Severity">Overrides the rule's severity for this piece (a warning that costs nothing, say).</param>
public sealed record Evidence(TextSpan Span, string Message, Severity? Severity = null);

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

/// <summary>A check that judges one answer. Built-in checks and <c>Custom(...)</c> lambdas implement it.</summary>
public interface ICheck
{
    /// <summary>Judges <paramref name="answer"/>. Must not keep state between calls: answers are judged in parallel.</summary>
    CheckResult Evaluate(Answer answer);

    /// <summary>One line for <c>rubric check</c>: what it checks and with which options.</summary>
    string Describe();
}
