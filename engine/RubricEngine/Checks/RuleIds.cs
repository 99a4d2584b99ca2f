namespace RubricEngine.Checks;

/// <summary>Ids of the built-in rules; each has a doc page (<c>rubric explain RE0002</c>).</summary>
public static class RuleIds
{
    /// <summary>The answer stays within a word limit.</summary>
    public const string WordLimit = "RE0001";

    /// <summary>Every number in the answer is in the sources.</summary>
    public const string NumbersGrounded = "RE0002";

    /// <summary>A model, dataset or hardware name with digits is not in the sources (a note; no points lost).</summary>
    public const string UngroundedIdentifier = "RE0003";

    /// <summary>The derivation is shown step by step.</summary>
    public const string DerivationShown = "RE0004";

    /// <summary>The answer uses the conditions derived in an earlier part.</summary>
    public const string ConditionsUsed = "RE0005";

    /// <summary>The stated final answer is the expected one.</summary>
    public const string AnswerKey = "RE0006";

    /// <summary>Expected tokens appear in order.</summary>
    public const string Sequence = "RE0007";

    /// <summary>Required concepts are mentioned.</summary>
    public const string Mentions = "RE0008";
}
