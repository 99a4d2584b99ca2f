using RubricEngine.Text;
using System.Buffers;

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

    /// <summary>Fewest words of a title matched whole for it to outweigh a closer statement of another question.</summary>
    public const int WholeTitleWords = 3;

    /// <summary>Fewest words of a prompt that asks something new (a pasted question of its own).</summary>
    public const int NewQuestionWords = 15;

    /// <summary>How many opening blocks of a reply are read for a problem's name before its first marker.</summary>
    public const int LeadBlocks = 3;

    // Requests to answer again, whatever the prompt's form.
    private static readonly string[] AgainList =
    [
        "again", "retry", "redo", "re-do", "are you sure", "wrong", "mistake", "incorrect", "shorter", "longer", "rewrite",
        "revise", "show the steps", "show steps", "re-read", "reread", "please read", "double check", "double-check",
        "recheck", "check it", "check against", "looks off", "not right", "condense", "change your answer",
        "update your answer", "new answer", "answer again", "solve again", "one more time",
    ];

    // Requests to answer again only when the prompt asks for something rather than asking about it: "use the SVD
    // instead" redoes the answer, "what would change if the work were n / log n instead?" discusses it.
    private static readonly string[] RequestList =
    [
        "instead", "try", "alternative", "another way", "different method", "different approach", "correct", "fix",
        "plug", "detailed", "in detail", "more detail", "step by step", "simplify", "use the hint", "with the hint",
    ];

    private static readonly SearchValues<string> Request = SearchValues.Create(RequestList, StringComparison.OrdinalIgnoreCase);

    private static readonly string[] RequestOpenings = ["can you", "could you", "would you", "will you", "please", "now", "ok", "okay"];

    private static readonly SearchValues<string> Again = SearchValues.Create(AgainList, StringComparison.OrdinalIgnoreCase);

    private static readonly string[] AnaphoraList =
    [
        "this", "it", "above", "previous", "same", "your answer", "your solution", "you said", "you wrote",
        "you used", "you derived", "earlier", "yours", "is that", "what about", "official solution", "the solution",
    ];

    private static readonly SearchValues<string> Anaphora = SearchValues.Create(AnaphoraList, StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> NoAnswerYet = SearchValues.Create(
    [
        "do not answer", "don't answer", "dont answer", "do not solve", "don't solve", "dont solve", "do not do anything",
        "don't do anything", "do not start", "don't start", "nothing yet", "not answer anything", "not solve anything",
        "no answers yet", "only understand", "just read it", "only list", "no solutions yet", "no solution yet",
        "no answer yet", "not solve yet", "not answer yet", "list of the written", "list of written", "list the written",
        "give me the list", "just list", "list the problems", "list the questions", "list of problems", "list of questions",
    ], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> Refusals = SearchValues.Create(
    [
        "unable to open", "unable to access", "unable to load", "unable to read the", "can't open", "cannot open",
        "can't access", "cannot access", "couldn't open", "could not open", "couldn't access", "could not access",
        "can't browse", "cannot browse", "don't have access", "do not have access", "can't view", "cannot view",
        "i can't see the", "i cannot see the", "not able to open", "not able to access", "doesn't open", "does not open",
        "won't open", "didn't open", "did not open", "can't quote", "cannot quote", "couldn't load", "could not load",
        "can't reach", "cannot reach", "couldn't reach", "isn't accessible", "is not accessible", "can't load", "cannot load",
        "can't write it for you", "cannot write it for you", "can't do that for you", "can't help with that", "cannot help with that",
    ], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] ListRequestList = ["list", "overview", "go over", "outline", "identify", "which problems", "what problems"];

    private static readonly SearchValues<string> ListRequest = SearchValues.Create(ListRequestList, StringComparison.OrdinalIgnoreCase);

    /// <summary>The prompt asks for a list or an overview of the homework: a reply naming every problem briefly answers none.</summary>
    public static bool AsksForList(string prompt) => ContainsWholeWords(prompt, ListRequest, ListRequestList);

    /// <summary>The prompt sets the stage and asks for no answer yet ("read it carefully and do NOT answer anything yet").</summary>
    public static bool AsksForNoAnswer(string prompt) => ContainsAny(prompt, NoAnswerYet);

    /// <summary>The reply opens by saying it could not open the material (then gives generic guidance, not an answer).</summary>
    public static bool IsRefusal(string reply) =>
        reply.AsSpan(0, Math.Min(reply.Length, RefusalWindow)).IndexOfAny(Refusals) >= 0 && !AnswersAnyway.In(reply);

    /// <summary>How many characters of a reply's opening are read for a refusal.</summary>
    public const int RefusalWindow = 400;

    /// <summary>Cosine similarity from which a reply's own words name the statement they answer (prompts that are only an image).</summary>
    public const double MinReplyStatementSimilarity = 0.12;

    /// <summary>How far the best statement must lead the next for a reply's words to name it.</summary>
    public const double ReplyStatementMargin = 0.04;

    /// <summary>What being the next question in homework order adds to a reply's similarity (and being answered already takes away).</summary>
    public const double NextQuestionBonus = 0.08;

    /// <summary>Least similarity of a reply to the next question's statement for the homework order alone to name it.</summary>
    public const double MinNextQuestionSimilarity = 0.04;

    /// <summary>A reply naming at least this many questions with at most <see cref="ListWordsPerQuestion"/> words each lists the homework's problems.</summary>
    public const int ListQuestions = 3;

    /// <summary>See <see cref="ListQuestions"/>.</summary>
    public const int ListWordsPerQuestion = 14;

    /// <summary>How much of a prompt is compared with titles and statements.</summary>
    public const int PromptWordsChars = 4000;

    /// <summary>How much of a reply's opening is compared with statements and titles.</summary>
    public const int ReplyContentChars = 1500;

    private const int MaxImagePromptWords = 16;

    private static readonly SearchValues<string> ImageWords = SearchValues.Create(
    ["image", "screenshot", "picture", "photo", "[img", ".png", ".jpg", ".jpeg", "[attachment"], StringComparison.OrdinalIgnoreCase);

    /// <summary>A prompt that is only a picture of the question ("[image]", "image of the question"): its text names nothing.</summary>
    public static bool IsImageOnly(string prompt) =>
        prompt.Length < MaxImagePromptWords * 12 && ContainsAny(prompt, ImageWords) && ClosingRemarks.WordCount(prompt) <= MaxImagePromptWords;

    /// <summary>The prompt asks for an answer again (a retry, a correction, a rewrite).</summary>
    public static bool AsksAgain(string prompt) =>
        ContainsWholeWords(prompt, Again, AgainList) || (IsRequest(prompt) && ContainsWholeWords(prompt, Request, RequestList));

    /// <summary>A prompt that asks for something ("use the SVD instead", "can you try …?") rather than about the answer.</summary>
    private static bool IsRequest(string prompt)
    {
        if (!prompt.Contains('?')) return true;
        var start = prompt.AsSpan().TrimStart();
        foreach (var opening in RequestOpenings)
            if (start.StartsWith(opening, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] AboutList = ["different", "difference", "differ", "compare", "comparison", "why", "is it", "does it", "is that", "how confident", "confidence", "are they", "same as", "ever", "what if", "what would", "what happens", "how come"];

    private static readonly SearchValues<string> About = SearchValues.Create(AboutList, StringComparison.OrdinalIgnoreCase);

    private static readonly string[] PoliteRequestList = ["can you", "could you", "would you", "please"];

    private static readonly SearchValues<string> PoliteRequest = SearchValues.Create(PoliteRequestList, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The prompt asks about the answer (compare, why, is it …) rather than for more of it: "can you also say what
    /// happens with long sentences?" asks for more.
    /// </summary>
    public static bool AsksAboutTheAnswer(string prompt) =>
        ContainsWholeWords(prompt, About, AboutList) && !ContainsWholeWords(prompt, PoliteRequest, PoliteRequestList);

    private static readonly string[] ThenList = ["then", "and now", "next", "after that", "continue"];

    private static readonly SearchValues<string> Then = SearchValues.Create(ThenList, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The prompt asks about the current answer and then for another question ("How confident are you? Then do part
    /// (b)."): the reply's opening before its first marker answers the side question.
    /// </summary>
    public static bool AsksAboutTheAnswerThen(string prompt) =>
        ClosingRemarks.WordCount(prompt) <= MaxSideThenWords && ContainsWholeWords(prompt, About, AboutList) && ContainsWholeWords(prompt, Then, ThenList);

    // A side question and the next request fit in a sentence or two; a pasted problem that says "why" and "then" is not one.
    private const int MaxSideThenWords = 30;

    /// <summary>A question about what was said ("Is it a global minimum?"): a short reply to it is a follow-up.</summary>
    public static bool IsSideQuestion(string prompt) => prompt.Contains('?');

    /// <summary>
    /// A long prompt that pastes a question of its own ("Do you think … ? Argue why or why not.") rather than
    /// talking about the answer so far.
    /// </summary>
    public static bool AsksSomethingNew(string prompt, List<string> words) =>
        ClosingRemarks.WordCount(prompt) >= NewQuestionWords && words.Count >= NewQuestionWords / 2 && !ContainsWholeWords(prompt, Anaphora, AnaphoraList);

    /// <summary>Share of a long prompt's distinct content words found in the last answer for it to talk about that answer.</summary>
    public const double AnswerWordsShare = 0.5;

    /// <summary>
    /// A long prompt most of whose content words the last answer used ("what about the other stationary points, if I
    /// pick eigenvectors 1 and 3?") asks about that answer, not a question of its own.
    /// </summary>
    public static bool TalksAboutTheAnswer(List<string> promptWords, string? answer, string? attempt)
    {
        if (answer is null || promptWords.Count == 0) return false;
        var distinct = new HashSet<string>(promptWords, StringComparer.Ordinal);
        distinct.RemoveWhere(w => w.Length < 3 || char.IsAsciiDigit(w[0]));
        if (distinct.Count == 0) return false;
        var used = new HashSet<string>(WordForms.Words(Opening(answer)), StringComparer.Ordinal);
        if (attempt is not null && !ReferenceEquals(attempt, answer)) used.UnionWith(WordForms.Words(Opening(attempt)));
        var shared = 0;
        foreach (var w in distinct)
            if (used.Contains(w)) shared++;
        return shared >= distinct.Count * AnswerWordsShare;
    }

    private static string Opening(string text) => text.Length > ReplyContentChars * 4 ? text[..(ReplyContentChars * 4)] : text;

    private static bool ContainsAny(string text, SearchValues<string> phrases) => text.AsSpan().IndexOfAny(phrases) >= 0;

    /// <summary>One of <paramref name="phrases"/> in <paramref name="text"/> as whole words ("it" but not "item").</summary>
    private static bool ContainsWholeWords(string text, SearchValues<string> phrases, string[] list)
    {
        var span = text.AsSpan();
        for (var offset = 0; offset < span.Length;)
        {
            var at = span[offset..].IndexOfAny(phrases);
            if (at < 0) return false;
            at += offset;
            if (at == 0 || !char.IsLetter(span[at - 1]))
            {
                foreach (var phrase in list)
                {
                    var end = at + phrase.Length;
                    if (end <= span.Length && span.Slice(at, phrase.Length).Equals(phrase, StringComparison.OrdinalIgnoreCase) && (end == span.Length || !char.IsLetter(span[end])))
                        return true;
                }
            }
            offset = at + 1;
        }
        return false;
    }
}
