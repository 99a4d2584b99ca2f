namespace RubricEngine.Checks;

/// <summary>
/// Ids of the built-in rules, for rubric scripts (each has a doc page: <c>rubric explain RE0002</c>). Read from the
/// checks' catalog entries; the ids themselves are written only there.
/// </summary>
public static class RuleIds
{
    /// <summary>The answer stays within a word limit.</summary>
    public static string WordLimit => WordLimitCheck.Rule.Id;

    /// <summary>Every number in the answer is in the sources.</summary>
    public static string NumbersGrounded => NumbersGroundedCheck.Rule.Id;

    /// <summary>A model, dataset or hardware name with digits is not in the sources (a note; no points lost).</summary>
    public static string UngroundedIdentifier => UngroundedIdentifierCheck.Rule.Id;

    /// <summary>The derivation is shown step by step.</summary>
    public static string DerivationShown => DerivationShownCheck.Rule.Id;

    /// <summary>The answer uses the conditions derived in an earlier part.</summary>
    public static string ConditionsUsed => ConditionsUsedCheck.Rule.Id;

    /// <summary>The stated final answer is the expected one.</summary>
    public static string AnswerKey => AnswerCheck.Rule.Id;

    /// <summary>Expected tokens appear in order.</summary>
    public static string Sequence => SequenceCheck.Rule.Id;

    /// <summary>Required concepts are mentioned.</summary>
    public static string Mentions => MentionsCheck.Rule.Id;
}
