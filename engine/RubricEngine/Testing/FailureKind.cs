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
