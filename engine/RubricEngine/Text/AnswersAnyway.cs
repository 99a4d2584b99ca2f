namespace RubricEngine.Text;

/// <summary>
/// Words by which a reply that first declines ("I can't browse the web, but …") shows it answers from the material
/// it was given after all. Shared by attribution (such a reply is an answer, not "none") and the non-answer rule of
/// grading, so the two never disagree about it.
/// </summary>
public static class AnswersAnyway
{
    private static readonly string[] Phrases =
    [
        "you pasted", "you provided", "you shared", "you attached", "you included", "the attached", "the excerpt",
        "the text above", "the post above", "from the text", "from the excerpt", "based on the text", "based on the post",
    ];

    /// <summary>True when <paramref name="text"/> says it works from material the student gave.</summary>
    public static bool In(string text)
    {
        foreach (var phrase in Phrases)
            if (text.Contains(phrase, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
