using RubricEngine.Documents;

namespace RubricEngine.Segmentation;

/// <summary>Where each question's attempts are: the data behind <c>rubric show</c>, with no formatting.</summary>
public static class SegmentationOutline
{
    /// <summary>
    /// The outline of <paramref name="segmentation"/>, questions in reading order. Questions in
    /// <paramref name="questions"/> that were never answered are listed with no attempts.
    /// </summary>
    public static IReadOnlyList<QuestionOutline> Build(TraceSegmentation segmentation, IReadOnlyList<MessageDocument> documents,
        IEnumerable<QuestionPath>? questions = null, int firstWords = 8)
    {
        var all = segmentation.Answers.Select(a => a.Question).Concat(questions ?? []).Distinct().Order(QuestionPathComparer.Instance);
        return all.Select(q => new QuestionOutline(q, segmentation.AttemptsAt(q).Select(a => Attempt(a, documents[a.MessageIndex], firstWords)).ToList())).ToList();
    }

    /// <summary>The outline of one attempt.</summary>
    public static AttemptOutline Attempt(AnswerSegment answer, MessageDocument document, int firstWords = 8)
    {
        var span = answer.Span;
        var start = document.Lines.GetPosition(span.Start).Line;
        var end = document.Lines.GetPosition(Math.Max(span.Start, span.End - 1)).Line;
        return new AttemptOutline(answer.Attempt, answer.MessageIndex, start, end, FirstWords(answer, firstWords))
        {
            Restatements = answer.Restatements.Count,
            FollowUp = answer.IsFollowUp,
            Confidence = answer.Confidence,
            Reason = answer.Reason,
        };
    }

    /// <summary>The first <paramref name="count"/> words of the answer's prose (math as TeX), "…" when cut.</summary>
    public static string FirstWords(AnswerSegment answer, int count)
    {
        var words = new List<string>(count);
        foreach (var block in answer.Blocks)
        {
            foreach (var word in block.PlainText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (words.Count == count) return string.Join(' ', words) + " …";
                words.Add(word);
            }
        }
        return string.Join(' ', words);
    }
}
