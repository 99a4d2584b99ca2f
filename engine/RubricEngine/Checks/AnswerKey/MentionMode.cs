using Humanizer;
using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>Whether <see cref="MentionsCheck"/> needs one of its concepts or all of them.</summary>
public enum MentionMode
{
    /// <summary>Full points when at least one concept is mentioned.</summary>
    Any,

    /// <summary>Points in proportion to the concepts mentioned.</summary>
    All,
}
