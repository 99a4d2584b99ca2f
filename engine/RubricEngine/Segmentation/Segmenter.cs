using System.Globalization;
using RubricEngine.Documents;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Segmentation;

/// <summary>
/// Finds which blocks of which assistant messages answer which question, on which attempt, from evidence. Linear in
/// the size of the trace (times the number of declared questions for titles and statements); thread-safe (all state
/// is per call); deterministic.
/// <para><b>What a reply answers.</b> Each reply starts from the question its prompt asks about, decided by the first
/// of these that holds (<see cref="AttributionEvidence"/> holds the thresholds):</para>
/// <list type="number">
/// <item>a fix given with <c>--attribution</c>, then <see cref="Message.Question"/> (attribution in the export):
/// decisive; markers in the reply can only narrow it;</item>
/// <item>markers in the prompt (<see cref="QuestionMarkers"/>: "Solve problem 3(b)", "for (i), …", an alias)
/// resolved against the questions that exist — declared, or (without a rubric) seen earlier; a bare part label such
/// as "(i)" goes to a problem that has such a part, the one discussed most recently first. A marker after a
/// preposition ("the conditions derived in part (i)") is a reference, weaker than any target. Markers naming only
/// questions the rubric does not grade make the reply answer none;</item>
/// <item>a title: the rubric's titles and aliases (an alias on any part names its whole problem) and the headings
/// earlier replies gave questions, matched word by word (<see cref="WordForms"/>);</item>
/// <item>a statement: text pasted into the prompt close (TF-IDF cosine over words and word pairs) to a question's
/// <see cref="SegmenterOptions.Statements"/>;</item>
/// <item>the reply's own first lines naming a problem by alias or title ("Let's address each part of the Machine
/// Translation problem");</item>
/// <item>none: a long prompt that asks something new and matches no declared question;</item>
/// <item>continuity: the question under discussion — only when nothing above points elsewhere (low confidence).</item>
/// </list>
/// <para>Within a reply, markers in headings, bold lead-ins and "Part (b):" lead-ins (plain-text headings copied
/// from a rendered page, numbered headings such as "### 2. Summary" included) and headings matching a title move the
/// answer to their question. Text goes to the closest declared question — 3.b.ii when declared, else its declared
/// ancestor 3.b; text under a problem holding several declared questions waits for a sub-marker, else goes to the
/// first of them. A short lead-in sentence before the first marker belongs to no answer.</para>
/// <para><b>Attempts and follow-ups.</b> The first message answering a question is attempt 1. A later message
/// answering it again is a <i>new attempt</i> when a user turn since the last answer asked for it again: the prompt
/// names it by a marker ("for (i), show the steps"), names it by title or statement while another question was under
/// discussion, or asks for a redo ("retry", "try again, shorter", "are you sure", "use the SVD instead", "plug in",
/// "change your answer"; <see cref="AttributionEvidence"/> holds the list). Otherwise it is a <i>follow-up</i> of the
/// current attempt (<see cref="AnswerSegment.IsFollowUp"/>, same attempt number): a reply continuing the reply before
/// it (unless it marks the question afresh), or a reply — short or long: length does not decide — to a side question
/// or request that does not ask for the answer anew ("Is it a global minimum?", "summarize the identities you used",
/// "list more problems with this design"). Graders never grade a follow-up in place of its attempt, so it cannot
/// replace the answer under <c>Attempt.Last</c>.</para>
/// <para><b>Confidence.</b> A segment is high-confidence when a fix, the export, a marker, a title or a statement
/// names its question; low when it rests on continuity, a reference, a weak title or statement match.
/// <see cref="AnswerSegment.Reason"/> says which.</para>
/// <para><b>Restatements</b>: a table (or a list under a "Summary"/"Final answers" heading, or tab-separated rows
/// under a plain "Problem 4 Summary" line) after the last answer, whose rows name questions answered in the same reply
/// or that sits under such a heading, goes to <see cref="AnswerSegment.Restatements"/>, out of the answers' blocks.
/// Closing pleasantries and thematic breaks belong to no answer.</para>
/// </summary>
internal sealed class Segmenter
{
    private const int MaxPreambleWords = 40;

    private readonly QuestionCatalog _catalog;
    private readonly QuestionMarkers _markers;
    private readonly BlockMarkers _blockMarkers;
    private readonly MarkerResolver _resolver;
    private readonly TitleIndex _titles;
    private readonly StatementIndex _statements;

    public Segmenter(SegmenterOptions options)
    {
        Options = options;
        _catalog = new QuestionCatalog(options.Questions);
        _markers = new QuestionMarkers(options);
        _blockMarkers = new BlockMarkers(_markers);
        _resolver = new MarkerResolver(_catalog);
        _titles = new TitleIndex(options);
        _statements = new StatementIndex(options);
        _problems = options.Questions.Select(q => new QuestionPath(q.Problem)).Distinct().ToArray();
    }

    // The declared problems, in the rubric's order.
    private readonly QuestionPath[] _problems;

    public SegmenterOptions Options { get; }

    /// <summary>The recognizer this segmenter reads markers with (aliases and named problems included).</summary>
    public QuestionMarkers Markers => _markers;

    /// <summary>Segments <paramref name="trace"/>; <paramref name="documents"/> are its messages parsed, by index.</summary>
    public TraceSegmentation Segment(Trace trace, IReadOnlyList<MessageDocument> documents) => Segment(trace, documents, []);

    /// <summary>
    /// Segments <paramref name="trace"/> with <paramref name="fixes"/> (from <c>--attribution</c>): a fixed message
    /// answers exactly the fixed question (or none); the rest of the conversation is attributed around it.
    /// </summary>
    public TraceSegmentation Segment(Trace trace, IReadOnlyList<MessageDocument> documents, IReadOnlyList<AttributionFix> fixes)
    {
        var state = new Conversation();
        Focus? prompt = null;
        var userSinceReply = true;
        for (var index = 0; index < trace.Messages.Count && index < documents.Count; index++)
        {
            var message = trace.Messages[index];
            var explicitQuestion = ExplicitQuestion(message);
            if (message.Role == Role.User)
            {
                prompt = explicitQuestion is not null
                    ? Focus.Named(explicitQuestion, AttributionConfidence.High, "question given in the trace")
                    : PromptFocus(message.Content, state) with
                    {
                        NoAnswer = AttributionEvidence.AsksForNoAnswer(message.Content),
                        ImageOnly = AttributionEvidence.IsImageOnly(message.Content),
                        ListRequest = AttributionEvidence.AsksForList(message.Content),
                    };
                if (prompt is { Decided: true, Question: { } next } && state.Discussion is { } current && !next.IsWithin(current) && !current.IsWithin(next)
                    && AttributionEvidence.AsksAboutTheAnswerThen(message.Content))
                    prompt = prompt.Value with { SideOf = current };
                userSinceReply = true;
                continue;
            }
            if (message.Role != Role.Assistant) continue;

            var fix = FixFor(fixes, index);
            var document = documents[index];
            Focus focus;
            QuestionPath? scope = null;
            if (fix is not null)
            {
                focus = Focus.Named(fix.Question, AttributionConfidence.High, fix.Question is null ? "fixed to none by --attribution" : "fixed by --attribution");
                scope = fix.Question;
            }
            else if (explicitQuestion is not null)
            {
                focus = Focus.Named(explicitQuestion, AttributionConfidence.High, "question given in the trace");
                scope = explicitQuestion;
            }
            else if (!userSinceReply)
                focus = new Focus(state.Discussion, false, AttributionConfidence.Low, "continues the reply before it", false, false);
            else
                focus = prompt ?? new Focus(state.Discussion, false, AttributionConfidence.Low, "only continuity", false, false);

            if (fix is null && explicitQuestion is null && (!focus.Decided || focus.Confidence == AttributionConfidence.Low) && ReplyLead(document) is { } lead)
                focus = lead;
            else if (fix is null && explicitQuestion is null && userSinceReply && prompt is { ImageOnly: true, Decided: false })
                focus = ReplyContent(message.Content, state) ?? focus;

            // A reply to "read this, do NOT answer yet" (a summary, a list of the problems), or one that could not open
            // the material and gives generic guidance, answers nothing, whatever markers it carries.
            var noAnswer = fix is null && explicitQuestion is null && userSinceReply
                && ((prompt?.NoAnswer ?? false) || AttributionEvidence.IsRefusal(message.Content));
            if (noAnswer)
            {
                if (prompt is { Decided: true, Question: { } asked }) state.Discussion = asked;
                if (!(prompt?.NoAnswer ?? false) && focus is { Decided: true, Question: { } declined })
                    state.Declined.Add(new DeclinedReply(declined, index));
                userSinceReply = false;
                continue;
            }
            if (fix is not null && fix.Question is null)
            {
                // Fixed to none: no answer here, and the discussion stays where it was.
                userSinceReply = false;
                continue;
            }

            var reply = new ReplySegmenter(this, document, focus.Question, scope, state) { SideOf = userSinceReply && fix is null && explicitQuestion is null ? focus.SideOf : null };
            reply.Run();
            // A reply naming many questions with a line each lists the homework's problems: it answers none of them.
            if (fix is null && explicitQuestion is null && userSinceReply && (prompt?.ListRequest ?? false) && IsProblemList(reply))
            {
                userSinceReply = false;
                continue;
            }
            foreach (var (question, blocks, restatements, markedBy) in reply.Results())
            {
                var previous = state.Attempts.GetValueOrDefault(question);
                var followUp = previous > 0 && (question == reply.SideAnswer || IsFollowUp(!userSinceReply, focus, markedBy));
                var attempt = followUp ? previous : previous + 1;
                state.Attempts[question] = attempt;
                var (confidence, reason) = markedBy is not null ? (AttributionConfidence.High, markedBy) : (focus.Confidence, focus.Reason);
                if (fix is not null || explicitQuestion is not null) (confidence, reason) = (focus.Confidence, focus.Reason);
                state.Answers.Add(new AnswerSegment(question, attempt, index, blocks)
                {
                    Restatements = restatements,
                    IsFollowUp = followUp,
                    Confidence = confidence,
                    Reason = reason,
                });
                state.Discussed(question, index);
            }
            state.Discussion = reply.Current ?? (focus.Decided ? null : state.Discussion);
            if (state.LastAnswered == index) state.AnsweredSideRequest = userSinceReply && state.Answers[^1].IsFollowUp;
            if (state.LastAnswered == index)
            {
                state.LastAnswer = message.Content;
                if (state.Answers[^1].IsFollowUp is false) state.LastAttempt = message.Content;
            }
            userSinceReply = false;
        }
        return new TraceSegmentation(state.Answers) { Declined = state.Declined };
    }

    private static bool IsProblemList(ReplySegmenter reply)
    {
        var questions = 0;
        var words = 0;
        foreach (var (_, blocks, _, _) in reply.Results())
        {
            questions++;
            foreach (var b in blocks) words += ClosingRemarks.WordCount(b.PlainText);
        }
        return questions >= AttributionEvidence.ListQuestions && words <= questions * AttributionEvidence.ListWordsPerQuestion;
    }

    private static AttributionFix? FixFor(IReadOnlyList<AttributionFix> fixes, int index)
    {
        for (var i = 0; i < fixes.Count; i++)
            if (fixes[i].Message == index) return fixes[i];
        return null;
    }

    /// <summary>The attempts-vs-follow-ups rule of the class summary, for a reply re-answering a question.</summary>
    private static bool IsFollowUp(bool inRow, Focus focus, string? markedBy)
    {
        if (inRow) return markedBy is null;
        // Length does not decide: a long explanation of the answer is still a follow-up, a short redo an attempt.
        return !focus.AsksAgain;
    }

    private static QuestionPath? ExplicitQuestion(Message message)
    {
        if (string.IsNullOrWhiteSpace(message.Question)) return null;
        try
        {
            return new QuestionPath(message.Question);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// What a prompt asks about, from the evidence in it (markers, titles, statements; the decision list of the
    /// class summary), or continuity when it names nothing.
    /// </summary>
    private Focus PromptFocus(string prompt, Conversation state)
    {
        var found = _markers.FindAll(prompt);
        var targets = new List<QuestionMarker>(found.Count);
        var references = new List<QuestionMarker>();
        foreach (var m in found) (QuestionMarkers.IsReference(prompt, m.Span.Start) ? references : targets).Add(m);
        // An absolute marker ("problem 4(a)") reads the others itself: no title or statement is needed, and most
        // prompts end here without their words being compared.
        if (targets.Exists(m => !m.IsRelative) && Resolve(targets, prompt, null, state) is { } named)
            return Asked(named, prompt, state);

        // A pasted problem numbered as the rubric's problems are, but one it does not have ("5 (bonus). Describe …").
        if (UngradedNumberedPrompt(prompt) is { } number)
            return Focus.Named(null, AttributionConfidence.High, $"the prompt pastes problem {number}, which the rubric does not grade");
        // A question pasted into a prompt comes first or is short; a pasted blog post is not compared whole.
        var words = WordForms.Words(prompt.Length > AttributionEvidence.PromptWordsChars ? prompt[..AttributionEvidence.PromptWordsChars] : prompt);
        var asksAgain = AttributionEvidence.AsksAgain(prompt);
        var title = _titles.IsEmpty ? null : _titles.Best(words, state.Titles, AttributionEvidence.MinTitleFraction);
        var statement = StatementFocus(words, out var ranked);
        // A statement pasted nearly whole outweighs a title's few words.
        var hint = statement is { Confidence: AttributionConfidence.High } ? statement.Value.Question : title?.Question ?? statement?.Question;

        if (Resolve(targets, prompt, hint, state) is { } marked)
            return Asked(marked, prompt, state);
        // Absolute markers naming only questions the rubric does not grade: the reply answers none of ours. A title's
        // few words do not outweigh "problem 5" when the rubric numbers its problems and has no problem 5.
        if (!_catalog.IsEmpty && (hint is null || targets.Exists(IsUngradedNumber)) && targets.FirstOrDefault(m => !m.IsRelative) is { } ungraded)
            return Focus.Named(null, AttributionConfidence.High, $"the prompt asks about {Quote(prompt, ungraded)}, which the rubric does not grade");
        // A title or statement of the question under discussion, in a prompt that asks for nothing again, is a
        // side question about the answer ("Is W_1 = U_k^T the only choice?"), not a request to answer it anew.
        Focus Matched(QuestionPath q, AttributionConfidence confidence, string reason)
        {
            var same = state.IsCurrent(q);
            return new Focus(q, true, confidence, reason, asksAgain || !same, same && !asksAgain);
        }
        // A title matched whole ("the variance of the number of rolls") names its question even when another
        // statement shares more of the prompt's words, provided its own statement is close too.
        if (statement is { Confidence: AttributionConfidence.High } strong && (title is null || title.Value.Question != strong.Question)
            && !(title is { Fraction: >= 1, Matched: >= AttributionEvidence.WholeTitleWords } whole && SimilarityOf(ranked, whole.Question) >= AttributionEvidence.MinStatementSimilarity))
            return Matched(strong.Question, strong.Confidence, strong.Reason);
        // A few words of the current question's title in a long prompt that asks a question of its own ("Do you think
        // p-values should be replaced by confidence intervals? Argue why or why not.") do not make it a follow-up.
        var asksNew = !_catalog.IsEmpty && !asksAgain && AttributionEvidence.AsksSomethingNew(prompt, words) && !AttributionEvidence.TalksAboutTheAnswer(words, state.LastAnswer, state.LastAttempt);
        if (title is { } t && !(asksNew && t.Fraction < AttributionEvidence.HighTitleFraction && state.IsCurrent(t.Question) && statement is null))
            return Matched(t.Question, t.Fraction >= AttributionEvidence.HighTitleFraction ? AttributionConfidence.High : AttributionConfidence.Low, $"title match: '{t.Title}'");
        if (statement is { } s)
            return Matched(s.Question, s.Confidence, s.Reason);
        if (Resolve(references, prompt, null, state) is { } referred)
            return referred with { Confidence = AttributionConfidence.Low, Reason = "only a reference: " + referred.Reason, AsksAgain = asksAgain };
        if (asksNew && (!_titles.IsEmpty || !_statements.IsEmpty))
            return Focus.Named(null, AttributionConfidence.Low, "the prompt asks something no declared question matches");
        // "the plot looks wrong" after a follow-up (plot code, a summary) that names nothing faults the follow-up, not the answer.
        if (asksAgain && state.AnsweredSideRequest) asksAgain = false;
        return new Focus(state.Discussion, false, AttributionConfidence.Low, "only continuity", asksAgain, !asksAgain && AttributionEvidence.IsSideQuestion(prompt));
    }

    /// <summary>
    /// A prompt's marker asks for its question again, unless it names the question under discussion in a question
    /// about the answer that asks for nothing anew ("the posted solution for (ii) goes like this — how is that
    /// different?"); "for 6(c), can you also say …?" still asks for the answer.
    /// </summary>
    private static Focus Asked(Focus marked, string prompt, Conversation state)
    {
        var same = marked.Question is { } q && state.IsCurrent(q);
        if (same && AttributionEvidence.IsSideQuestion(prompt) && AttributionEvidence.AsksAboutTheAnswer(prompt) && !AttributionEvidence.AsksAgain(prompt))
            return marked with { AsksAgain = false, SideQuestion = true };
        return marked with { AsksAgain = true };
    }

    /// <summary>The number a prompt opens on ("5. …", "5 (bonus). …", "5) …") when the rubric numbers its problems and has no such problem.</summary>
    private string? UngradedNumberedPrompt(string prompt)
    {
        var i = 0;
        while (i < prompt.Length && char.IsWhiteSpace(prompt[i])) i++;
        var start = i;
        while (i < prompt.Length && i - start < 3 && char.IsAsciiDigit(prompt[i])) i++;
        if (i == start || i + 1 >= prompt.Length || !(prompt[i] is '.' or ')' && prompt[i + 1] == ' ' || prompt[i] == ' ' && prompt[i + 1] == '(')) return null;
        var number = prompt[start..i].TrimStart('0');
        if (number.Length == 0 || _catalog.HasProblem(number) || !_problems.Any(d => d.Value.Length > 0 && char.IsAsciiDigit(d.Value[0]))) return null;
        return number;
    }

    /// <summary>"Problem 5" when the rubric numbers its problems and has no problem 5 (nor a heading renamed one 5).</summary>
    private bool IsUngradedNumber(QuestionMarker m) =>
        m is { HasKeyword: true, Alias: null, Problem: { } p } && p.Length > 0 && char.IsAsciiDigit(p[0])
        && !_catalog.HasProblem(p) && _problems.Any(d => d.Value.Length > 0 && char.IsAsciiDigit(d.Value[0]));

    private static string Quote(string text, QuestionMarker marker) => $"'{text.Substring(marker.Span.Start, marker.Span.Length)}'";

    /// <summary>The statement pasted into a prompt, or null; several parts of one problem pasted together name the problem.</summary>
    private (QuestionPath Question, AttributionConfidence Confidence, string Reason)? StatementFocus(List<string> words, out List<StatementMatch> ranked)
    {
        ranked = [];
        if (_statements.IsEmpty || words.Count < AttributionEvidence.MinStatementWords) return null;
        ranked = _statements.Rank(words);
        if (ranked.Count == 0 || ranked[0].Similarity < AttributionEvidence.MinStatementSimilarity) return null;
        var best = ranked[0];
        var question = best.Question;
        for (var i = 1; i < ranked.Count && ranked[i].Similarity >= AttributionEvidence.MinStatementSimilarity
             && best.Similarity - ranked[i].Similarity <= AttributionEvidence.StatementTie; i++)
        {
            if (ranked[i].Question.Problem != question.Problem) return null;
            question = new QuestionPath(question.Problem);
        }
        var confidence = best.Similarity >= AttributionEvidence.HighStatementSimilarity ? AttributionConfidence.High : AttributionConfidence.Low;
        return (question, confidence, string.Create(CultureInfo.InvariantCulture, $"statement match: {question} ({best.Similarity:0.00})"));
    }

    private static double SimilarityOf(List<StatementMatch> ranked, QuestionPath question)
    {
        foreach (var m in ranked)
            if (m.Question == question) return m.Similarity;
        return 0;
    }

    /// <summary>
    /// The focus the prompt's markers name: relative ones read against its first absolute marker, else the title or
    /// statement hint, else the discussion; the deepest path shared by the most specific of them ("problem 4 … (a) …
    /// (b)" → 4). Null when no marker names a question that exists.
    /// </summary>
    private Focus? Resolve(List<QuestionMarker> found, string prompt, QuestionPath? hint, Conversation state)
    {
        if (found.Count == 0) return null;
        QuestionMarker? firstAbsolute = null;
        for (var i = 0; i < found.Count && firstAbsolute is null; i++)
            if (!found[i].IsRelative) firstAbsolute = found[i];
        var context = firstAbsolute is null ? hint ?? state.Discussion : _resolver.Resolve(firstAbsolute with { Parts = [], Alias = null }, null, state.Renumbered);
        var paths = new List<QuestionPath>();
        var named = new List<QuestionMarker>();
        QuestionPath? aliasDefault = null;
        for (var i = 0; i < found.Count; i++)
        {
            var marker = found[i];
            var isAliasOnly = marker.Alias is not null && marker.Parts.Count == 0;
            // An alias names its problem here; its own question only if nothing narrower is asked.
            var path = isAliasOnly ? new QuestionPath(marker.Problem!) : ResolveRecent(marker, context, state);
            if (isAliasOnly) aliasDefault ??= marker.Alias;
            if (path is null || !Knows(path, state)) continue;
            paths.Add(path);
            named.Add(marker);
            context = path;
        }
        if (paths.Count == 0) return null;
        var leaves = Leaves(paths);
        var focus = CommonPrefix(leaves) ?? leaves[0];
        // A title alone names its question; with parts named beside it, the problem stays open for them.
        if (aliasDefault is not null && focus.Parts.Count == 1 && focus.Problem == aliasDefault.Problem && paths.All(p => p.Parts.Count == 1)) focus = aliasDefault;
        // The reason quotes the first three distinct markers as written (built once, here).
        var quoted = new List<string>(3);
        foreach (var m in named)
        {
            var quote = Quote(prompt, m);
            if (!quoted.Contains(quote)) quoted.Add(quote);
            if (quoted.Count == 3) break;
        }
        return Focus.Named(focus, AttributionConfidence.High, $"marker {string.Join(", ", quoted)} in the prompt");
    }

    /// <summary>True when text about <paramref name="path"/> counts for a question: declared, or (no rubric) any.</summary>
    private bool Knows(QuestionPath path, Conversation state) => _catalog.Knows(path);

    /// <summary>
    /// Resolves a marker against <paramref name="context"/>; a relative one that names no existing question there
    /// ("(i)" while the discussion is on a problem without a part (i)) goes to the most recently discussed problem
    /// where it does exist.
    /// </summary>
    private QuestionPath? ResolveRecent(QuestionMarker marker, QuestionPath? context, Conversation state)
    {
        var path = _resolver.Resolve(marker, context, state.Renumbered);
        if (!marker.IsRelative || (path is not null && Exists(path, state))) return path;
        for (var i = state.Recent.Count - 1; i >= 0; i--)
        {
            var other = _resolver.Resolve(marker, state.Recent[i], state.Renumbered);
            if (other is not null && Exists(other, state)) return other;
        }
        // Nothing under discussion at all: the one declared problem that has it ("Part (i): …" opening a conversation).
        if (context is not null || state.Recent.Count > 0) return path;
        QuestionPath? unique = null;
        foreach (var problem in _problems)
        {
            var other = _resolver.Resolve(marker, problem, state.Renumbered);
            if (other is null || !_catalog.IsDeclared(other)) continue;
            if (unique is not null && unique != other) return path;
            unique = other;
        }
        return unique ?? path;
    }

    /// <summary>Declared exactly (or a declared question's container); without a rubric, answered earlier.</summary>
    private bool Exists(QuestionPath path, Conversation state)
    {
        if (_catalog.IsEmpty) return state.Attempts.ContainsKey(path) || state.Recent.Any(r => r.IsWithin(path));
        return _catalog.IsDeclared(path) || _catalog.Attribute(path).Kind == AttributionKind.Container;
    }

    /// <summary>
    /// What a reply to a prompt that is only an image answers, from its own words: the statement they resemble
    /// (none when the rubric has statements and none is close), else a title they hold, else the next declared
    /// question in homework order.
    /// </summary>
    private Focus? ReplyContent(string reply, Conversation state)
    {
        var words = WordForms.Words(reply.Length > AttributionEvidence.ReplyContentChars ? reply[..AttributionEvidence.ReplyContentChars] : reply);
        if (!_statements.IsEmpty)
        {
            // Questions come in homework order and a new picture is a new question: the next question gains, one
            // already answered loses, by a fixed amount.
            var next = NextQuestion(state);
            var ranked = _statements.Rank(words).Select(m => m with
            {
                Similarity = m.Similarity + (m.Question == next ? AttributionEvidence.NextQuestionBonus : 0) - (state.Attempts.ContainsKey(m.Question) ? AttributionEvidence.NextQuestionBonus : 0),
            }).OrderByDescending(m => m.Similarity).ToList();
            if (ranked.Count > 0 && ranked[0].Similarity >= AttributionEvidence.MinReplyStatementSimilarity
                && (ranked.Count == 1 || ranked[0].Similarity - ranked[1].Similarity >= AttributionEvidence.ReplyStatementMargin))
                return Focus.Named(ranked[0].Question, AttributionConfidence.Low,
                    string.Create(CultureInfo.InvariantCulture, $"the reply resembles the statement of {ranked[0].Question} ({ranked[0].Similarity:0.00}); the prompt is an image"));
            // Nothing clearly ahead: the next question in homework order, unless the reply shares almost nothing with it.
            if (next is not null && ranked.FirstOrDefault(m => m.Question == next) is { } nextMatch
                && nextMatch.Similarity - AttributionEvidence.NextQuestionBonus >= AttributionEvidence.MinNextQuestionSimilarity)
                return Focus.Named(next, AttributionConfidence.Low, string.Create(CultureInfo.InvariantCulture,
                    $"the prompt is an image: next question in homework order (its statement {nextMatch.Similarity - AttributionEvidence.NextQuestionBonus:0.00})"));
            return Focus.Named(null, AttributionConfidence.Low, ranked.Count == 0
                ? "the prompt is an image and the reply resembles no statement"
                : string.Create(CultureInfo.InvariantCulture, $"the prompt is an image and the reply resembles no statement closely (best {ranked[0].Question} {ranked[0].Similarity:0.00}, then {(ranked.Count > 1 ? ranked[1].Question + " " + ranked[1].Similarity.ToString("0.00", CultureInfo.InvariantCulture) : "none")})"));
        }
        if (_titles.Best(words, state.Titles, AttributionEvidence.HighTitleFraction) is { } title)
            return Focus.Named(title.Question, AttributionConfidence.Low, $"the reply holds the title '{title.Title}'; the prompt is an image");
        if (NextQuestion(state) is { } following)
            return Focus.Named(following, AttributionConfidence.Low, "the prompt is an image: next question in homework order");
        return null;
    }

    /// <summary>The declared question after the one answered last (the first when none was), in the rubric's order.</summary>
    private QuestionPath? NextQuestion(Conversation state)
    {
        var declared = Options.Questions;
        if (declared.Count == 0) return null;
        for (var i = state.Answers.Count - 1; i >= 0; i--)
        {
            var at = IndexOf(declared, state.Answers[i].Question);
            if (at >= 0) return at + 1 < declared.Count ? declared[at + 1] : null;
        }
        return declared[0];
    }

    private static int IndexOf(IReadOnlyList<QuestionPath> list, QuestionPath q)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == q) return i;
        return -1;
    }

    /// <summary>A reply whose first lines (before any marker) name a problem by alias, or open on a heading matching a title.</summary>
    private Focus? ReplyLead(MessageDocument document)
    {
        var blocks = document.Blocks;
        for (var i = 0; i < blocks.Count && i < AttributionEvidence.LeadBlocks; i++)
        {
            var block = blocks[i];
            if (block.Kind is not (BlockKind.Paragraph or BlockKind.Heading)) continue;
            if (_blockMarkers.MarkerOf(block, document) is not null) return null;
            var text = block.PlainText;
            if (_markers.FindAlias(text, 0) is { } alias)
                return Focus.Named(new QuestionPath(alias.Path.Problem), AttributionConfidence.High, $"the reply names '{text.Substring(alias.Span.Start, alias.Span.Length)}'");
        }
        return null;
    }

    /// <summary>The distinct paths with no deeper path inside them, in first-seen order.</summary>
    private static List<QuestionPath> Leaves(List<QuestionPath> paths)
    {
        var leaves = new List<QuestionPath>(paths.Count);
        foreach (var p in paths)
        {
            var covered = false;
            foreach (var o in paths)
                if (o.Parts.Count > p.Parts.Count && o.IsWithin(p)) { covered = true; break; }
            if (!covered && !leaves.Contains(p)) leaves.Add(p);
        }
        return leaves;
    }

    private static QuestionPath? CommonPrefix(List<QuestionPath> paths)
    {
        var length = int.MaxValue;
        foreach (var p in paths) length = Math.Min(length, p.Parts.Count);
        var first = paths[0];
        var shared = 0;
        while (shared < length && SharePart(paths, shared)) shared++;
        if (shared == 0) return null;
        // The first `shared` parts of a normalized value are its prefix up to the shared-th dot (or all of it).
        if (shared == first.Parts.Count) return first;
        var end = -1;
        for (var i = 0; i < shared; i++) end = first.Value.IndexOf('.', end + 1);
        return new QuestionPath(first.Value[..end]);
    }

    private static bool SharePart(List<QuestionPath> paths, int index)
    {
        var part = paths[0].Parts[index];
        foreach (var p in paths)
            if (p.Parts[index] != part) return false;
        return true;
    }

    /// <summary>Segments one reply. Holds the per-reply state; used once.</summary>
    private sealed class ReplySegmenter(Segmenter owner, MessageDocument document, QuestionPath? start, QuestionPath? scope, Conversation state)
    {
        private readonly Dictionary<string, string> renumbered = state.Renumbered;
        private readonly Dictionary<QuestionPath, MarkSource> _markedBy = new();
        private MarkSource? _pendingMarkedBy;
        private readonly Dictionary<QuestionPath, List<Block>> _answers = new();
        // Most replies restate nothing: created on the first restatement.
        private Dictionary<QuestionPath, List<Block>>? _restatements;
        private readonly List<QuestionPath> _order = [];
        private readonly List<Block> _pending = [];
        private QuestionPath? _pendingOwner;
        private bool _pendingIsContainer;
        private QuestionPath? _direct;

        /// <summary>The question the prompt asked about before asking for another: the reply's opening answers it.</summary>
        public QuestionPath? SideOf { get; init; }

        /// <summary>The question the reply's opening (before its first marker) answered as a side question, or null.</summary>
        public QuestionPath? SideAnswer { get; private set; }

        /// <summary>The question the reply ended on (the next reply or prompt continues from it).</summary>
        public QuestionPath? Current { get; private set; } = start;

        public void Run()
        {
            var blocks = ExpandLines(document.Blocks);
            var end = blocks.Count;
            while (end > 0 && (blocks[end - 1].Kind == BlockKind.ThematicBreak || ClosingRemarks.IsClosing(blocks[end - 1]))) end--;
            var recap = RecapStart(blocks, end);

            EnterPending(Current);
            for (var i = 0; i < recap; i++) Take(blocks[i]);

            if (recap < end && !TryRestate(blocks, recap, end))
                for (var i = recap; i < end; i++) Take(blocks[i]);
            FlushPending(assign: true);
        }

        /// <summary>
        /// A page copied as plain text keeps its headings as lines inside one paragraph ("Problem 1b: …" after the
        /// answer to 1a, with no blank line between): such a paragraph is read as one block per marked line group.
        /// </summary>
        private List<Block> ExpandLines(IReadOnlyList<Block> blocks)
        {
            var result = new List<Block>(blocks.Count);
            var text = document.Text;
            foreach (var block in blocks)
            {
                if (block.Kind == BlockKind.Code && FencedMarkdown(block) is { } inner)
                {
                    // A solution file written inside a ```markdown fence (agents' "Created answers/q4.md:"): its
                    // headings and paragraphs are read like the reply's own.
                    result.AddRange(ExpandLines(inner));
                    continue;
                }
                if (block.Kind == BlockKind.ListItem && NumberedProblemItem(block) is { } item)
                {
                    result.Add(item.Heading);
                    result.AddRange(ExpandLines([item.Body]));
                    continue;
                }
                if (block.Kind != BlockKind.Paragraph)
                {
                    result.Add(block);
                    continue;
                }
                if (text.IndexOf('\n', block.Span.Start, block.Span.Length) < 0)
                {
                    AddInlineParts(block, result);
                    continue;
                }
                var start = block.Span.Start;
                var end = block.Span.End;
                var pieceStart = start;
                for (var newline = text.IndexOf('\n', start, end - start); newline >= 0; newline = text.IndexOf('\n', newline + 1, end - newline - 1))
                {
                    var lineStart = newline + 1;
                    while (lineStart < end && text[lineStart] is ' ' or '\t') lineStart++;
                    if (lineStart >= end) continue;
                    // Most lines open with no marker: decide that on the raw text before building the line's block.
                    var at = QuestionMarkers.SkipDecoration(text, lineStart, end);
                    var bold = at;
                    while (at < end && at < bold + 2 && text[at] is '*' or '_') at++;
                    if (at >= end || !owner._markers.MayStartLeadIn(text[at]) || owner._markers.ReadLeadIn(text, at) is null) continue;
                    var lineEnd = text.IndexOf('\n', lineStart, end - lineStart);
                    var line = BlockParts.Slice(block, TextSpan.FromBounds(lineStart, lineEnd < 0 ? end : lineEnd));
                    if (owner._blockMarkers.MarkerOf(line, document) is null) continue;
                    var pieceEnd = newline;
                    while (pieceEnd > pieceStart && char.IsWhiteSpace(text[pieceEnd - 1])) pieceEnd--;
                    if (pieceEnd > pieceStart) AddInlineParts(BlockParts.Slice(block, TextSpan.FromBounds(pieceStart, pieceEnd)), result);
                    pieceStart = lineStart;
                }
                AddInlineParts(pieceStart == start ? block : BlockParts.Slice(block, TextSpan.FromBounds(pieceStart, end)), result);
            }
            return result;
        }

        /// <summary>
        /// "1. Recurrences" followed by lines "(a) …", "(b) …" that Markdown folded into the list item: a numbered
        /// problem heading (its first line, number included) and the parts' text as a paragraph; null for other items.
        /// </summary>
        private (Block Heading, Block Body)? NumberedProblemItem(Block item)
        {
            if (item.Level != 1 || item.Marker is null || item.Inlines.Count == 0 || !(owner._catalog.IsEmpty || owner._catalog.HasProblem(item.Marker))) return null;
            var text = document.Text;
            var start = item.Span.Start;
            var newline = text.IndexOf('\n', start, item.Span.Length);
            if (newline < 0) return null;
            var bodyStart = newline + 1;
            while (bodyStart < item.Span.End && text[bodyStart] is ' ' or '\t') bodyStart++;
            if (bodyStart >= item.Span.End || text[bodyStart] != '(' || owner._markers.ReadLeadIn(text, bodyStart) is not { IsRelative: true, Parts.Count: > 0 }) return null;
            var line = text[start..newline].TrimEnd();
            // "2. Useful identities" over "(a) …" lines may number a section of an answer: the line must also name
            // the problem ("4. Shortest paths"), unless there is no rubric to name it.
            if (!owner._catalog.IsEmpty && !(owner._markers.FindAlias(line, 0) is { } alias && alias.Path.Problem == item.Marker)) return null;
            var heading = new Block(BlockKind.Heading, new TextSpan(start, line.Length), 3, [new Inline(InlineKind.Text, new TextSpan(start, line.Length), line)]);
            var body = BlockParts.Slice(item, TextSpan.FromBounds(bodyStart, item.Span.End)) with { Kind = BlockKind.Paragraph, Marker = null };
            return (heading, body);
        }

        /// <summary>The blocks of a fenced block marked as Markdown ("```markdown", "```md"), in the message's coordinates; null otherwise.</summary>
        private List<Block>? FencedMarkdown(Block code)
        {
            var text = document.Text;
            var start = code.Span.Start;
            var newline = text.IndexOf('\n', start, code.Span.Length);
            if (newline < 0 || code.Span.End - start < 8) return null;
            var fence = text.AsSpan(start, newline - start).Trim();
            if (!(fence.StartsWith("```") || fence.StartsWith("~~~"))) return null;
            var info = fence.TrimStart(fence[0]).Trim();
            if (!(info.Equals("markdown", StringComparison.OrdinalIgnoreCase) || info.Equals("md", StringComparison.OrdinalIgnoreCase))) return null;
            var contentStart = newline + 1;
            var contentEnd = text.LastIndexOf('\n', code.Span.End - 1, code.Span.End - contentStart);
            if (contentEnd <= contentStart) return null;
            var inner = MarkdownDocumentParser.Default.Parse(text[contentStart..contentEnd]);
            var blocks = new List<Block>(inner.Blocks.Count);
            foreach (var b in inner.Blocks)
            {
                if (b.Kind == BlockKind.Code) continue;
                var inlines = new List<Inline>(b.Inlines.Count);
                foreach (var i in b.Inlines) inlines.Add(i with { Span = new TextSpan(i.Span.Start + contentStart, i.Span.Length) });
                blocks.Add(b with { Span = new TextSpan(b.Span.Start + contentStart, b.Span.Length), Inlines = inlines });
            }
            return blocks;
        }

        /// <summary>
        /// A compact answer line that opens on a part and answers the next parts inline ("**3.** (a) **B** (b)
        /// **Heapsort**"): one piece per part, when the letters run in order from the line's first one.
        /// </summary>
        private void AddInlineParts(Block paragraph, List<Block> result)
        {
            var text = document.Text;
            var start = paragraph.Span.Start;
            var end = paragraph.Span.End;
            var first = InlinePartAt(text, start, end, FirstPartSearch);
            // Only a line that opens on the part (after bold and a problem number) answers parts inline.
            for (var i = start; first.At >= 0 && i < first.At; i++)
                if (!(char.IsAsciiDigit(text[i]) || text[i] is '*' or '_' or '.' or ' ')) first = (-1, '\0');
            if (first.At < 0)
            {
                result.Add(paragraph);
                return;
            }
            var cuts = new List<int>();
            var letter = first.Letter;
            for (var at = first.At + 3; at < end;)
            {
                var next = InlinePartAt(text, at, end, end - at);
                if (next.At < 0) break;
                if (next.Letter == letter + 1)
                {
                    cuts.Add(next.At);
                    letter = next.Letter;
                }
                at = next.At + 3;
            }
            if (cuts.Count == 0)
            {
                result.Add(paragraph);
                return;
            }
            var from = start;
            foreach (var cut in cuts)
            {
                var pieceEnd = cut;
                while (pieceEnd > from && char.IsWhiteSpace(text[pieceEnd - 1])) pieceEnd--;
                result.Add(BlockParts.Slice(paragraph, TextSpan.FromBounds(from, pieceEnd)));
                from = cut;
            }
            result.Add(BlockParts.Slice(paragraph, TextSpan.FromBounds(from, end)));
        }

        // How far into a line its first inline part may open ("**3.** (a)").
        private const int FirstPartSearch = 12;

        /// <summary>The first "(x)" part letter in [from, from + within) that stands apart (blank or bold before it, blank after).</summary>
        private static (int At, char Letter) InlinePartAt(string text, int from, int end, int within)
        {
            var limit = Math.Min(end, from + within);
            for (var i = text.IndexOf('(', from, limit - from); i >= 0 && i + 3 < end; i = i + 1 < limit ? text.IndexOf('(', i + 1, limit - i - 1) : -1)
            {
                if (text[i + 2] != ')' || text[i + 1] is < 'a' or > 'h' || text[i + 3] is not (' ' or '*')) continue;
                if (i > from && !(char.IsWhiteSpace(text[i - 1]) || text[i - 1] == '*')) continue;
                return (i, text[i + 1]);
            }
            return (-1, '\0');
        }

        /// <summary>Each question answered: its blocks, its restatements, and the marker in the reply that opened it (null: the reply's start).</summary>
        public IEnumerable<(QuestionPath, IReadOnlyList<Block>, IReadOnlyList<Block>, string?)> Results()
        {
            foreach (var q in _order)
            {
                var blocks = _answers[q];
                if (blocks.Count == 0 || IsHeadingOfParts(q, blocks)) continue;
                blocks.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
                yield return (q, blocks, _restatements is not null && _restatements.TryGetValue(q, out var r) ? r : [], _markedBy.TryGetValue(q, out var m) ? m.Describe() : null);
            }
        }

        /// <summary>Only headings, with parts of the question answered after them (no rubric: "### 1. Eigenvalues" then "(a) …"): a title, not an answer.</summary>
        private bool IsHeadingOfParts(QuestionPath q, List<Block> blocks)
        {
            foreach (var b in blocks)
                if (b.Kind != BlockKind.Heading) return false;
            foreach (var other in _order)
                if (other != q && other.IsWithin(q) && _answers[other].Count > 0) return true;
            return false;
        }

        /// <summary>The block's marker, or a heading matching a title; null when the block opens no question.</summary>
        private (QuestionMarker? Marker, QuestionPath? Path, MarkSource? Reason) Read(Block block)
        {
            var marker = owner._blockMarkers.MarkerOf(block, document);
            // "**1.**" and "### 1. Expand" number steps as often as problems: a bare number opens a problem the
            // rubric declares, or (no rubric) a heading.
            if (marker is { IsNumbered: true } && (owner._catalog.IsEmpty ? block.Kind != BlockKind.Heading : !owner._catalog.HasProblem(state.Renumbered.GetValueOrDefault(marker.Problem!, marker.Problem!))))
                marker = null;
            if (marker is not null)
            {
                return (marker, owner.ResolveRecent(marker, Current, state), new MarkSource(marker, block, null));
            }
            if (block.Kind == BlockKind.Heading && !owner._titles.IsEmpty && !SummaryHeadings.IsSummaryHeading(block, document, owner._markers))
            {
                var words = WordForms.Words(block.PlainText);
                if (owner._titles.Best(words, state.Titles, AttributionEvidence.HighTitleFraction) is { } title && words.Count <= title.Matched * 3)
                    return (null, title.Question, new MarkSource(null, block, title.Title));
            }
            return (null, null, null);
        }


        private void Take(Block block)
        {
            if (block.Kind == BlockKind.ThematicBreak) return;
            var (marker, path, reason) = Read(block);
            if (path is not null && scope is not null && !path.IsWithin(scope))
                path = scope.IsWithin(path) ? scope : null;
            if (path is null)
            {
                if (_direct is not null) Add(_direct, block);
                else _pending.Add(block);
                return;
            }

            if (marker?.NumberedAs is { } number && marker.Problem is { } named) renumbered[number] = named;
            var attribution = owner._catalog.Attribute(path);
            if (attribution.Question is { } learned && marker is not null) LearnTitle(block, learned);
            // The reply's opening before its first marker answers the side question the prompt asked first.
            if (SideOf is { } side && _order.Count == 0 && _pending.Count > 0 && SideAnswer is null && owner._catalog.Attribute(side).Question is { } sideQuestion
                && attribution.Question != sideQuestion)
            {
                SideAnswer = sideQuestion;
                foreach (var b in _pending) Add(sideQuestion, b);
                _pending.Clear();
            }
            // A preamble joins the answer that follows when it is that answer's, or substantial; otherwise it is chatter.
            FlushPending(assign: (!_pendingIsContainer && attribution.Question == _pendingOwner) || IsSubstantial(_pending));
            Current = path;
            // A bare title ("## Machine Translation") introduces its problem like "## Problem 6" does: it joins
            // the aliased question only when no part marker follows.
            var titleOnly = marker is not null && marker.Alias is not null && marker.Parts.Count == 0;
            if (attribution.Kind == AttributionKind.Question && !titleOnly)
            {
                _direct = attribution.Question;
                _markedBy.TryAdd(_direct!, reason!.Value);
                Add(_direct!, block);
            }
            else
            {
                EnterPending(path);
                _pendingMarkedBy = reason;
                _pendingIsContainer |= titleOnly;
                _pending.Add(block);
            }
        }

        /// <summary>A heading's words after its marker become a title of the question ("(i) First-Order Optimality Conditions").</summary>
        private void LearnTitle(Block block, QuestionPath question)
        {
            if (block.Kind is not (BlockKind.Heading or BlockKind.Paragraph)) return;
            var text = block.PlainText;
            var newline = text.IndexOf('\n');
            // A one-line paragraph is an answer, not a heading; a long line is no title: decided before any substring.
            if ((block.Kind == BlockKind.Paragraph && newline < 0) || (newline < 0 ? text.Length : newline) > 160) return;
            var line = newline < 0 ? text : text[..newline];
            if (owner._markers.ReadLeadIn(line) is not { } lead || lead.Span.End > line.Length) return;
            var title = line[lead.Span.End..].Trim(' ', ':', '.', '-', '–', '—', '*', ')', '\t');
            if (block.Kind == BlockKind.Paragraph && (newline < 0 || ClosingRemarks.WordCount(title) > 12)) return;
            state.Titles.Add(question, title);
        }

        private void EnterPending(QuestionPath? path)
        {
            _pendingMarkedBy = null;
            _direct = null;
            var attribution = owner._catalog.Attribute(path);
            _pendingOwner = attribution.Question;
            _pendingIsContainer = attribution.Kind == AttributionKind.Container;
        }

        private void FlushPending(bool assign)
        {
            if (assign && _pendingOwner is not null && _pending.Count > 0)
            {
                if (_pendingMarkedBy is not null) _markedBy.TryAdd(_pendingOwner, _pendingMarkedBy.Value);
                foreach (var b in _pending) Add(_pendingOwner, b);
            }
            _pending.Clear();
        }

        private void Add(QuestionPath question, Block block)
        {
            if (!_answers.TryGetValue(question, out var list))
            {
                _answers[question] = list = [];
                _order.Add(question);
            }
            list.Add(block);
        }

        private static bool IsSubstantial(List<Block> blocks)
        {
            var words = 0;
            foreach (var b in blocks)
            {
                if (b.Kind is not (BlockKind.Paragraph or BlockKind.Heading)) return true;
                words += ClosingRemarks.WordCount(b.PlainText);
            }
            return words > MaxPreambleWords;
        }

        /// <summary>Where a closing recap (tables or a summary list, maybe under a summary heading) starts; <paramref name="end"/> if none.</summary>
        private int RecapStart(IReadOnlyList<Block> blocks, int end)
        {
            var i = end;
            while (i > 0 && blocks[i - 1].Kind is BlockKind.Table or BlockKind.ListItem) i--;
            if (i == end) return end;
            var hasTable = false;
            for (var j = i; j < end; j++) hasTable |= blocks[j].Kind == BlockKind.Table;
            if (i > 0 && SummaryHeadings.IsSummaryHeading(blocks[i - 1], document, owner._markers, beforeTable: blocks[i].Kind == BlockKind.Table)) return i - 1;
            if (!hasTable) return end;
            // Without a heading only the trailing tables are candidates; list items before them are answers.
            while (i < end && blocks[i].Kind != BlockKind.Table) i++;
            return i;
        }

        /// <summary>Attaches the recap in [from, to) to the answers it restates; false when it restates none.</summary>
        private bool TryRestate(IReadOnlyList<Block> blocks, int from, int to)
        {
            if (_order.Count == 0 && _pending.Count == 0) return false;
            var headed = SummaryHeadings.IsSummaryHeading(blocks[from], document, owner._markers, beforeTable: from + 1 < to && blocks[from + 1].Kind == BlockKind.Table);
            var answered = new HashSet<QuestionPath>(_order);
            if (_pendingOwner is not null && _pending.Count > 0) answered.Add(_pendingOwner);
            var matched = new List<(Block Block, QuestionPath Question)>();
            // Rows naming parts of the open problem that no block answered yet: the table is their answer.
            var answers = new List<(Block Block, QuestionPath Question)>();
            var context = Current;
            for (var i = headed ? from + 1 : from; i < to; i++)
            {
                var block = blocks[i];
                var rows = block.Kind == BlockKind.Table ? block.Cells.Skip(1).ToList() : [[block.PlainText]];
                foreach (var row in rows)
                {
                    foreach (var cell in row.Take(2))
                    {
                        var marker = owner._markers.ReadLeadIn(cell);
                        if (marker is { IsNumbered: true }) marker = null;
                        var path = marker is null ? null : owner._resolver.Resolve(marker, context, renumbered);
                        if (path is null) continue;
                        context = path;
                        var q = owner._catalog.Attribute(path).Question;
                        if (q is not null && answered.Contains(q)) matched.Add((block, q));
                        else if (q is not null && block.Kind == BlockKind.Table && Current is { } open && q.IsWithin(new QuestionPath(open.Problem))) answers.Add((block, q));
                        break;
                    }
                }
            }
            if (answers.Count > 0)
            {
                FlushPending(assign: true);
                foreach (var (block, q) in matched.Concat(answers).Distinct())
                    if (!_answers.TryGetValue(q, out var list) || !list.Contains(block)) Add(q, block);
                return true;
            }
            // Under a summary heading a table restates every answer of the reply; a bare list must name them.
            var tables = blocks.Skip(from).Take(to - from).Where(b => b.Kind == BlockKind.Table).ToList();
            if (matched.Count == 0 && !(headed && tables.Count > 0)) return false;
            FlushPending(assign: true);
            var targets = matched.Count > 0 ? matched : tables.SelectMany(b => _order.Select(q => (b, q))).ToList();
            foreach (var (block, q) in targets.Distinct())
            {
                _restatements ??= new();
                if (!_restatements.TryGetValue(q, out var list)) _restatements[q] = list = [];
                if (!list.Contains(block)) list.Add(block);
            }
            // Blocks of the recap that restate nothing (a lead-in line, an unmatched row list) belong to no answer.
            return true;
        }
    }
}
