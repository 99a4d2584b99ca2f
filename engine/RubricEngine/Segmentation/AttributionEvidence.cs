namespace RubricEngine.Segmentation;

/// <summary>
/// The thresholds of attribution, in one place (see <see cref="Segmenter"/> for the decision list they serve), and
/// the word lists that classify a prompt. Tuned on the labeled corpus (tests/attribution-corpus), not single cases.
/// </summary>
internal static class AttributionEvidence
{
    /// <summary>Share of a title's words a prompt must hold to name its question.</summary>
    public const double MinTitleFraction = 0.6;

    /// <summary>Share of a title's words for a high-confidence match (and for a reply heading to open the question).</summary>
    public const double HighTitleFraction = 0.8;

    /// <summary>Fewest content words a prompt needs before it is compared with statements (a paste, not a request).</summary>
    public const int MinStatementWords = 6;

    /// <summary>Cosine similarity from which a prompt is taken to paste a statement.</summary>
    public const double MinStatementSimilarity = 0.3;

    /// <summary>Cosine similarity for a high-confidence statement match.</summary>
    public const double HighStatementSimilarity = 0.5;

    /// <summary>Statements this close to the best are pasted together: when they share a problem, the prompt names the problem.</summary>
    public const double StatementTie = 0.1;

    /// <summary>A reply this short (words) to a side question follows up on the current attempt.</summary>
    public const int ShortReplyWords = 120;

    /// <summary>Fewest words of a prompt that asks something new (a pasted question of its own).</summary>
    public const int NewQuestionWords = 15;

    /// <summary>How many opening blocks of a reply are read for a problem's name before its first marker.</summary>
    public const int LeadBlocks = 3;

    private static readonly string[] Again =
    [
        "again", "retry", "redo", "re-do", "try", "are you sure", "wrong", "mistake", "incorrect", "correct", "fix",
        "shorter", "longer", "rewrite", "revise", "instead", "show the steps", "show steps", "step by step", "more detail",
        "in detail", "detailed", "re-read", "reread", "please read", "double check", "double-check", "recheck", "not right",
        "condense", "simplify", "plug", "use the hint", "with the hint", "change your answer", "update your answer",
        "new answer", "answer again", "solve again", "one more time", "different method", "different approach",
        "another way", "alternative",
    ];

    private static readonly string[] Anaphora =
    [
        "this", "it", "above", "previous", "same", "your answer", "your solution", "you said", "you wrote",
        "you used", "you derived", "earlier",
    ];

    /// <summary>The prompt asks for an answer again (a retry, a correction, a rewrite).</summary>
    public static bool AsksAgain(string prompt) => ContainsAny(prompt, Again);

    /// <summary>A question about what was said ("Is it a global minimum?"): a short reply to it is a follow-up.</summary>
    public static bool IsSideQuestion(string prompt) => prompt.Contains('?');

    /// <summary>
    /// A long prompt that pastes a question of its own ("Do you think … ? Argue why or why not.") rather than
    /// talking about the answer so far.
    /// </summary>
    public static bool AsksSomethingNew(string prompt, List<string> words) =>
        ClosingRemarks.WordCount(prompt) >= NewQuestionWords && words.Count >= NewQuestionWords / 2 && !ContainsAny(prompt, Anaphora, wholeWords: true);

    private static bool ContainsAny(string text, string[] phrases, bool wholeWords = false)
    {
        foreach (var phrase in phrases)
        {
            for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (!wholeWords) return true;
                var before = at == 0 || !char.IsLetter(text[at - 1]);
                var end = at + phrase.Length;
                if (before && (end == text.Length || !char.IsLetter(text[end]))) return true;
            }
        }
        return false;
    }
}
