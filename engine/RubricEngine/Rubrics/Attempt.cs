namespace RubricEngine.Rubrics;

/// <summary>Which attempt at a question a criterion's points come from. Every attempt is still reported.</summary>
public enum Attempt
{
    /// <summary>The first answer counts: re-prompting does not raise the grade.</summary>
    First,

    /// <summary>The last answer counts.</summary>
    Last,

    /// <summary>The best-scoring answer counts (the earliest among equals).</summary>
    Best,
}
