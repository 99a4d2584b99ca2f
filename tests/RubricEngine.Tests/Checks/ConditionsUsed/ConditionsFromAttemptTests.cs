using RubricEngine.Checks;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Checks.ConditionsUsed;

/// <summary>Issue 12, point 1: the conditions come from the attempt the answer builds on, then from any other attempt.</summary>
public sealed class ConditionsFromAttemptTests
{
    private static ConditionsUsedCheck Hw7Check() => new("3.b.i", [("W_1", @"U_k^\top"), ("W_2", "U_k")]);

    private const string FirstAttempt = """
        **(i)** Setting the gradients to zero:

        $$W_2^\top (X - W_2 W_1 X) X^\top = 0 \tag{1}$$

        $$(X - W_2 W_1 X) X^\top W_1^\top = 0 \tag{2}$$
        """;

    // The retry restates condition (2) with C = XX^T, the form part (ii)'s retry then substitutes into.
    private const string SecondAttempt = """
        Let me redo (i) more carefully. With $C = XX^\top$ (symmetric), the second condition reads

        $$W_2 W_1 C W_1^\top = C W_1^\top \tag{2}$$

        and condition (1) is unchanged.
        """;

    private const string PartTwoRetry = """
        **(ii)** Substitute $W_1 = U_k^\top$, $W_2 = U_k$:

        - Condition (1): $U_k^\top (X - U_k U_k^\top X) X^\top = U_k^\top XX^\top - U_k^\top XX^\top = 0$.
        - Condition (2): $U_k U_k^\top C U_k = C U_k$, since $C U_k = U_k \Lambda_k$.
        """;

    private static IReadOnlyList<Answer> Chat(params (string Question, string Prompt, string Reply)[] turns)
    {
        var messages = new List<Message>();
        foreach (var (_, prompt, reply) in turns)
        {
            messages.Add(new Message(messages.Count, Role.User, prompt, null, [], [], null));
            messages.Add(new Message(messages.Count, Role.Assistant, reply, null, [], [], null));
        }
        var trace = new Trace("t1", "hw7", new Student("s1"), "gpt-test", [], messages) { File = "t1.json" };
        var documents = messages.Select(m => MarkdownDocumentParser.Default.Parse(m.Content)).ToList();
        var attempts = new Dictionary<QuestionPath, int>();
        var segments = new List<AnswerSegment>();
        for (var i = 0; i < turns.Length; i++)
        {
            var q = new QuestionPath(turns[i].Question);
            attempts[q] = attempts.GetValueOrDefault(q) + 1;
            segments.Add(new AnswerSegment(q, attempts[q], 2 * i + 1, documents[2 * i + 1].Blocks));
        }
        return new TraceAnalysis(trace, documents, new TraceSegmentation(segments), []).Answers;
    }

    [Test]
    public void A_retry_of_ii_is_checked_against_the_restated_condition_of_the_latest_attempt_at_i()
    {
        var answers = Chat(
            ("3.b.i", "Solve 3(b)(i).", FirstAttempt),
            ("3.b.ii", "Now (ii).", "**(ii)** Both conditions hold by (1) and (2)."),
            ("3.b.i", "For (i), write condition (2) with C = XX^T.", SecondAttempt),
            ("3.b.ii", "Redo (ii) with that form.", PartTwoRetry));
        var result = Hw7Check().Evaluate(answers[3]);
        Assert.That(result.Score, Is.EqualTo(1), result.Message);
        Assert.That(result.Message, Does.Contain("3.b.i attempt 2 (message 5)"));
        Assert.That(result.Message, Does.Contain("condition (1) as stated in attempt 1"));
    }

    [Test]
    public void The_comment_names_the_attempt_whose_conditions_were_used()
    {
        var answers = Chat(
            ("3.b.i", "Solve 3(b)(i).", FirstAttempt),
            ("3.b.ii", "Now (ii).", "**(ii)** Substituting, condition (1) holds; for (2) see above."));
        var result = Hw7Check().Evaluate(answers[1]);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Message, Does.Contain("Conditions from 3.b.i attempt 1 (message 1)"));
    }
}
