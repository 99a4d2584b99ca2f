using CsCheck;
using RubricEngine.Documents;
using RubricEngine.Grading;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Segmentation;

public sealed class SegmenterRobustnessTests
{
    private static readonly Gen<string> MarkdownishText =
        Gen.OneOfConst("## Problem 4", "**(a)**", "(ii) ", "\\[", "\\]", "\\(x\\)", "$$", "| a | b |\n|---|---|\n| (a) | B |", "- ", "> ", "\n", "\n\n", "Part (b): ", "Machine Translation", "3(b)(i)", "text ", "Summary", "Let me know!", "---", "**", "`")
            .Array[0, 40].Select(parts => string.Concat(parts));

    [Test]
    public void Any_markdown_segments_without_throwing_and_answers_lie_inside_their_message()
    {
        var segmenter = new Segmenter(Hw7Example.Rubric.SegmenterOptions);
        Gen.Select(MarkdownishText, MarkdownishText, MarkdownishText).Sample((prompt, reply, second) =>
        {
            var contents = new[] { prompt, reply, second };
            var messages = contents.Select((c, i) => new Message(i, i == 0 ? Role.User : Role.Assistant, c, null, [], [], null)).ToList();
            var docs = contents.Select(MarkdownDocumentParser.Default.Parse).ToList();
            var segmentation = segmenter.Segment(new Trace("t", null, new Student("s"), null, [], messages), docs);
            foreach (var answer in segmentation.Answers)
            {
                var text = docs[answer.MessageIndex].Text;
                if (answer.Blocks.Count == 0 || answer.Span.Start < 0 || answer.Span.End > text.Length) return false;
                if (answer.Blocks.Intersect(answer.Restatements).Any()) return false;
            }
            // A follow-up shares its attempt's number; attempts themselves are numbered once each.
            var keys = segmentation.Answers.Where(a => !a.IsFollowUp).Select(a => (a.Question, a.Attempt)).ToList();
            return keys.Distinct().Count() == keys.Count;
        }, iter: 2_000);
    }

    [Test]
    public void Segmentation_is_deterministic()
    {
        var trace = new TraceReader().Read([Path.Combine(Hw7Example.Traces, "01-alice-all-in-one.json")]).Traces.Single();
        var first = new Grader(Hw7Example.Rubric).Analyze(trace).Segmentation;
        var second = new Grader(Hw7Example.Rubric).Analyze(trace).Segmentation;
        Assert.That(first.Answers, Is.Not.Empty);
        Assert.That(second.Answers.Select(a => (a.Question.Value, a.Attempt, a.MessageIndex, a.Span)), Is.EqualTo(first.Answers.Select(a => (a.Question.Value, a.Attempt, a.MessageIndex, a.Span))));
    }
}
