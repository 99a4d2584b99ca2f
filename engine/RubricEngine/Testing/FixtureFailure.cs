using System.Text;
using RubricEngine.Grading;

namespace RubricEngine.Testing;

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
