using System.Text;
using RubricEngine.Grading;

namespace RubricEngine.Testing;

/// <summary>What kind of difference failed a fixture.</summary>
internal enum FailureKind
{
    /// <summary>A marked finding did not appear.</summary>
    Missing,

    /// <summary>The finding appeared, at another span.</summary>
    WrongSpan,

    /// <summary>A finding that must be marked was not.</summary>
    Unexpected,

    /// <summary>A criterion's points differ from <c>expect</c>.</summary>
    Points,

    /// <summary>A rule threw or timed out.</summary>
    RuleFailed,

    /// <summary>The fixture file could not be read.</summary>
    Unreadable,
}

/// <summary>One difference, with the marked line as expected and as found (markup syntax) when it is about a span.</summary>
internal sealed record FixtureFailure(FailureKind Kind, string RuleId, string Message)
{
    /// <summary>The line with the expected mark, e.g. <c>took {|HW7-03:~18 hours|} on</c>.</summary>
    public string? Expected { get; init; }

    /// <summary>The line with the actual finding marked.</summary>
    public string? Actual { get; init; }

    public override string ToString()
    {
        var text = new StringBuilder(RuleId.Length > 0 ? $"{RuleId}: {Message}" : Message);
        if (Expected is not null) text.Append("\n    expected: ").Append(Expected);
        if (Actual is not null) text.Append("\n    actual:   ").Append(Actual);
        return text.ToString();
    }
}

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
