using System.Text;
using RubricEngine.Grading;

namespace RubricEngine.Testing;

/// <summary>How one fixture came out.</summary>
internal sealed record FixtureResult(string File, IReadOnlyList<FixtureFailure> Failures)
{
    /// <summary>True when nothing differed.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>The grade of the stripped fixture (null when it could not be read).</summary>
    public TraceGrade? Grade { get; init; }

    /// <summary><c>PASS file</c>, or <c>FAIL file</c> and one indented entry per difference.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Passed ? "PASS " : "FAIL ").Append(File);
        foreach (var failure in Failures)
            text.Append("\n  ").Append(failure.ToString().Replace("\n", "\n  ", StringComparison.Ordinal));
        return text.ToString();
    }
}
