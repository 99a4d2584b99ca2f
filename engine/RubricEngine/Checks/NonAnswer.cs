using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// Refusals ("I can't browse the web, but typically 2-3x…", "I don't have access to the post") and replies with no
/// words beyond a part label. The grader fails every criterion of the question on such an attempt, so a word limit or
/// a grounding check cannot pass vacuously. A reply that declines and then answers from the material given ("I can't
/// browse, but the post you pasted reports 94%…") is an answer.
/// </summary>
public static class NonAnswer
{
    // A refusal is said early and briefly; a reply longer than this is taken to answer after all.
    private const int MaxRefusalWords = 80;

    private static readonly string[] Refusals =
    [
        "can't browse", "cannot browse", "can not browse", "unable to browse", "can't access", "cannot access",
        "don't have access", "do not have access", "no access to", "unable to access", "not able to access",
        "can't open", "cannot open", "unable to open", "not able to open", "can't read the", "cannot read the",
        "can't view", "cannot view", "can't see the", "cannot see the", "i'm unable to", "i am unable to",
        "i'm not able to", "i am not able to", "can't help with", "cannot help with", "can't assist", "cannot assist",
        "as an ai", "can't provide", "cannot provide", "je ne peux pas", "je n'ai pas accès",
    ];

    /// <summary>Why <paramref name="answer"/> is not an answer, or null when it is one.</summary>
    public static NonAnswerFinding? Find(Answer answer)
    {
        // Runs on every attempt of every question: no allocation until the reply looks short or refusing.
        var text = answer.Document.Text;
        var length = 0;
        var hasWords = false;
        List<Block>? prose = null;
        foreach (var block in answer.Blocks)
        {
            if (block.Kind is BlockKind.Heading or BlockKind.ThematicBreak) continue;
            if (block.Kind is not (BlockKind.Code or BlockKind.DisplayMath)) length += block.Span.Length;
            var raw = text.AsSpan(block.Span.Start, Math.Min(block.Span.Length, 4096));
            if (raw.Length <= 40 && PartLabel.IsOnlyLabel(raw.ToString())) continue;
            (prose ??= []).Add(block);
            if (!hasWords)
                foreach (var c in raw)
                    if (char.IsLetterOrDigit(c)) { hasWords = true; break; }
        }
        var head = answer.Blocks.Count > 0 ? answer.Blocks[0].Span : answer.Span;
        if (!hasWords || prose is null) return new NonAnswerFinding("it is empty", head);
        // Most answers are far longer than a refusal: decide those without reading further.
        if (length > MaxRefusalWords * 12) return null;
        if (prose.Count == 1 && prose[0].Span.Length <= 12 && IsPlaceholder(text, prose[0].Span))
            return new NonAnswerFinding("it is empty", head);

        var body = string.Join("\n", prose.Select(b => text.Substring(b.Span.Start, b.Span.Length)));
        var opening = (body.Length > 300 ? body[..300] : body).Replace('’', '\'').ToLowerInvariant();
        foreach (var refusal in Refusals)
        {
            var at = opening.IndexOf(refusal, StringComparison.Ordinal);
            if (at < 0) continue;
            if (AnswersAnyway.In(body)) return null;
            if (WordCounter.Count(prose, new WordCountOptions { IncludeMath = true, IncludeCode = true }) > MaxRefusalWords) return null;
            var sentence = Sentence(text, prose, at);
            return new NonAnswerFinding($"it declines to answer (“{Quote(text, sentence)}”)", sentence);
        }
        return null;
    }

    /// <summary>
    /// True when the reply opens by saying it cannot see or open the material ("I'm not able to open your lab notes",
    /// "I can't browse the web") and does not then work from material the student gave, whatever its length.
    /// </summary>
    public static bool DeclinesSources(Answer answer)
    {
        var text = answer.Document.Text;
        foreach (var block in answer.Blocks)
        {
            if (block.Kind is BlockKind.Heading or BlockKind.ThematicBreak or BlockKind.Code or BlockKind.DisplayMath) continue;
            var raw = text.AsSpan(block.Span.Start, Math.Min(block.Span.Length, 300));
            if (raw.Length <= 40 && PartLabel.IsOnlyLabel(raw.ToString())) continue;
            // The first prose block is where a reply declines; a refusal phrase further down quotes or discusses one.
            var opening = raw.ToString().Replace('’', '\'').ToLowerInvariant();
            foreach (var refusal in Refusals)
                if (opening.Contains(refusal, StringComparison.Ordinal))
                    return !AnswersAnyway.In(answer.Text);
            return false;
        }
        return false;
    }

    private static bool IsPlaceholder(string text, TextSpan span)
    {
        var w = text.Substring(span.Start, span.Length).Trim('*', '_', '.', ' ', '\n').ToLowerInvariant();
        return w is "n/a" or "tbd" or "todo" or "none";
    }

    /// <summary>The sentence of the prose blocks holding offset <paramref name="at"/> of their joined text, as a span of the message.</summary>
    private static TextSpan Sentence(string text, List<Block> prose, int at)
    {
        var offset = 0;
        foreach (var block in prose)
        {
            if (at < offset + block.Span.Length)
            {
                var local = block.Span.Start + (at - offset);
                var start = local;
                while (start > block.Span.Start && text[start - 1] is not ('.' or '!' or '?' or '\n') ) start--;
                while (start < local && (char.IsWhiteSpace(text[start]) || text[start] is '*' or '_')) start++;
                var end = local;
                while (end < block.Span.End && text[end] is not ('.' or '!' or '?' or '\n')) end++;
                if (end < block.Span.End && text[end] != '\n') end++;
                return TextSpan.FromBounds(start, end);
            }
            offset += block.Span.Length + 1;
        }
        return prose.Count > 0 ? prose[0].Span : new TextSpan(0, 0);
    }

    private static string Quote(string text, TextSpan span)
    {
        var s = text.Substring(span.Start, span.Length).Trim();
        return s.Length <= 80 ? s : s[..79] + "…";
    }
}
