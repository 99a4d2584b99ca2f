using System.Text;
using RubricEngine.Grading;

namespace RubricEngine.Testing;

/// <summary>Every fixture's result: what <c>rubric test</c> prints (exit code 1 when any failed).</summary>
internal sealed record RubricTestReport(IReadOnlyList<FixtureResult> Results)
{
    public int PassedCount => Results.Count(r => r.Passed);

    public int FailedCount => Results.Count - PassedCount;

    /// <summary>True when every fixture passed (and there was at least one).</summary>
    public bool Passed => Results.Count > 0 && FailedCount == 0;

    public override string ToString() =>
        string.Join("\n", Results.Select(r => r.ToString()))
        + (Results.Count == 0 ? "no fixtures found (put *.fixture.json files under fixtures/ next to the rubric)" : "")
        + $"\n{PassedCount} passed, {FailedCount} failed";
}
