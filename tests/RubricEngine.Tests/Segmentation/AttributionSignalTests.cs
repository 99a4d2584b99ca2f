using RubricEngine.Documents;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Segmentation;

/// <summary>
/// One test per signal added after the first corpus round: compact answer lines, answer tables, glued sub-parts,
/// side questions before the next request, references to an earlier part, solution files in Markdown fences,
/// ungraded pasted problems, whole titles and side questions that reuse the answer's words.
/// </summary>
public sealed class AttributionSignalTests
{
    private static readonly SegmenterOptions Algo = new()
    {
        Questions = ["1.a", "1.b", "1.c", "2", "3.a", "3.b", "4.a", "4.b"],
        Titles = new Dictionary<QuestionPath, string>
        {
            ["1.a"] = "At least one six",
            ["1.b"] = "Expected rolls until the first six",
            ["1.c"] = "Variance of the number of rolls",
            ["2"] = "Amortized analysis summary",
            ["4.a"] = "Dijkstra with a negative edge",
        },
        Statements = new Dictionary<QuestionPath, string>
        {
            ["1.b"] = "(b) You roll a fair die until the first six appears. What is the expected number of rolls until the first six?",
            ["1.c"] = "(c) What is the variance of the number of rolls in (b)?",
        },
    };

    private static string[] Summary(SegmenterOptions options, params string[] turns)
    {
        var (trace, docs) = ChatTurns.Build("algo", turns);
        return new Segmenter(options).Segment(trace, docs).Answers
            .Select(a => $"{a.Question}#{a.Attempt}@{a.MessageIndex}{(a.IsFollowUp ? "+" : "")}").ToArray();
    }

    [Test]
    public void A_tab_separated_table_under_a_problem_heading_answers_the_parts_its_rows_name()
    {
        var summary = Summary(Algo,
            "Do problem 3.",
            "Problem 3: Multiple choice\nQuestion\tAnswer\tWhy\n(a) Binary search recurrence\tB\tone half, constant work\n(b) In-place sort\tHeapsort\tmergesort is not in place");

        Assert.That(summary, Is.EqualTo(new[] { "3.a#1@1", "3.b#1@1" }));
    }

    [Test]
    public void A_problem_marker_alone_on_the_first_line_of_a_paragraph_opens_it()
    {
        var summary = Summary(Algo,
            "Solve 2 and 4(b).",
            "Problem 2\nThe potential method charges cheap operations extra.\n\nProblem 4(b)\nBellman-Ford runs V-1 rounds of E relaxations, O(VE).");

        Assert.That(summary, Is.EqualTo(new[] { "2#1@1", "4.b#1@1" }));
    }

    [Test]
    public void A_sub_part_glued_after_the_parenthesis_is_read()
    {
        var options = new SegmenterOptions { Questions = ["3.b.i", "3.b.ii"] };
        var summary = Summary(options,
            "Do 3b)i).",
            "3(b)i. Set both gradients to zero.",
            "Now continue with 3b)ii).",
            "3(b)ii. The principal components satisfy both conditions.");

        Assert.That(summary, Is.EqualTo(new[] { "3.b.i#1@1", "3.b.ii#1@3" }));
    }

    [Test]
    public void How_confident_then_the_next_part_gives_the_opening_to_the_current_answer_as_a_follow_up()
    {
        var options = new SegmenterOptions
        {
            Questions = ["attn.a", "attn.b"],
            Aliases = new Dictionary<string, QuestionPath>(StringComparer.OrdinalIgnoreCase) { ["Attention Mechanics"] = "attn.a" },
        };
        var summary = Summary(options,
            "Attention Mechanics (a): write the scores.",
            "### Attention Mechanics — (a)\n\nThe scores are $QK^\\top/\\sqrt d$.",
            "How confident are you, from 1 to 5? Then do part (b).",
            "**Confidence:** 5/5, this is the standard definition.\n\n### Attention Mechanics — (b)\n\nThe dot product has variance d, so dividing keeps the softmax from saturating.");

        Assert.That(summary, Is.EqualTo(new[] { "attn.a#1@1", "attn.a#1@3+", "attn.b#1@3" }));
    }

    [Test]
    public void Like_you_did_for_a_part_is_a_reference_not_the_target()
    {
        var summary = Summary(Algo,
            "Solve 4(a) and 4(b).",
            "(a) Take edges s→a (2), s→b (3), b→a (−2).\n\n(b) O(VE): V−1 rounds.",
            "for (b), show the steps like you did for (a)",
            "Each round relaxes every edge once, so V−1 rounds cost (V−1)·E relaxations: O(VE).");

        Assert.That(summary, Is.EqualTo(new[] { "4.a#1@1", "4.b#1@1", "4.b#2@3" }));
    }

    [Test]
    public void A_solution_file_inside_a_markdown_fence_is_read_like_the_reply()
    {
        var summary = Summary(Algo,
            "Solve problem 4 into solutions/p4.md.",
            "I'll write the solution file.\n\nCreated `solutions/p4.md`:\n\n```markdown\n## Problem 4: Shortest paths\n\n### (a) Dijkstra with a negative edge\n\nTake s→a (2), s→b (3), b→a (−2): Dijkstra finalizes a at 2.\n\n### (b) Bellman-Ford\n\nV−1 rounds of E relaxations: O(VE).\n```");

        Assert.That(summary, Is.EqualTo(new[] { "4.a#1@1", "4.b#1@1" }));
    }

    [Test]
    public void A_paragraph_line_opening_on_a_problem_and_part_opens_it()
    {
        var summary = Summary(Algo,
            "Do 4(a) and 4(b) in one file.",
            "4(a) Take s→a (2), s→b (3), b→a (−2).\n4(b) Bellman-Ford needs V−1 rounds, O(VE).");

        Assert.That(summary, Is.EqualTo(new[] { "4.a#1@1", "4.b#1@1" }));
    }

    [Test]
    public void A_pasted_problem_the_rubric_does_not_number_answers_none()
    {
        var summary = Summary(Algo,
            "Solve 4(b).",
            "Bellman-Ford runs V−1 rounds of E relaxations.",
            "5 (bonus). Describe an algorithm that finds a negative cycle.",
            "Run one more round of Bellman-Ford; a vertex that still relaxes lies on or behind a negative cycle.");

        Assert.That(summary, Is.EqualTo(new[] { "4.b#1@1" }));
    }

    [Test]
    public void A_title_matched_whole_outweighs_a_closer_statement_of_another_question()
    {
        var summary = Summary(Algo,
            "What is the variance of the number of rolls until the first six?",
            "The number of rolls is geometric with p = 1/6, so its variance is (1 − p)/p² = 30.");

        Assert.That(summary, Is.EqualTo(new[] { "1.c#1@1" }));
    }

    [Test]
    public void A_long_side_question_that_reuses_the_answers_words_is_a_follow_up()
    {
        var summary = Summary(Algo,
            "Solve 4(a).",
            "(a) Take vertices s, a, b and edges s→a (2), s→b (3), b→a (−2). Dijkstra pops a first with distance 2 and never revisits it, although the path through b has length 1.",
            "and what about the negative edge b→a, when Dijkstra pops b after a and the distance through b is smaller?",
            "Relaxing b→a then lowers the distance of a vertex that is already final, and nothing propagates it further.");

        Assert.That(summary, Is.EqualTo(new[] { "4.a#1@1", "4.a#1@3+" }));
    }

    [Test]
    public void A_numbered_list_item_naming_its_problem_over_part_lines_opens_the_problem()
    {
        var options = new SegmenterOptions
        {
            Questions = ["1.a", "1.b", "4.a", "4.b"],
            Aliases = new Dictionary<string, QuestionPath>(StringComparer.OrdinalIgnoreCase) { ["Recurrences"] = "1.a", ["Shortest paths"] = "4.a" },
        };
        var summary = Summary(options,
            "Here is my write-up, problem 1 [image]",
            "1. Recurrences\n(a) The tree has log n levels of cost n(log n − i): Θ(n log² n).\n(b) Every full level costs n: Θ(n log n).",
            "and problem 4",
            "4. Shortest paths\n(a) Take s→a (2), s→b (3), b→a (−2).\n(b) Bellman-Ford: V−1 rounds, O(VE).");

        Assert.That(summary, Is.EqualTo(new[] { "1.a#1@1", "1.b#1@1", "4.a#1@3", "4.b#1@3" }));
    }

    [Test]
    public void A_numbered_list_item_over_part_lines_that_does_not_name_the_problem_stays_a_list_item()
    {
        var options = new SegmenterOptions
        {
            Questions = ["2.a", "3.b"],
            Aliases = new Dictionary<string, QuestionPath>(StringComparer.OrdinalIgnoreCase) { ["Backpropagation"] = "2.a" },
        };
        var summary = Summary(options,
            "Solve 3(b).",
            "Here is the derivation.\n\n1. Objective\nWe minimize the squared error.\n2. Useful identities\n(a) The gradient of a squared norm is twice the residual.\n(b) The chain rule composes the linear maps.");

        Assert.That(summary, Is.EqualTo(new[] { "3.b#1@1" }));
    }

    [Test]
    public void A_complaint_after_a_follow_up_faults_the_follow_up_not_the_answer()
    {
        var summary = Summary(Algo,
            "Solve 4(b).",
            "Bellman-Ford runs V−1 rounds of E relaxations: O(VE).",
            "give me code to plot the number of relaxations per round",
            "```python\nimport matplotlib.pyplot as plt\nplt.plot(rounds, relaxed)\n```",
            "the plot looks wrong, it is empty after round 3",
            "The loop stops early when nothing relaxes; plot the counts you collected before the break.");

        Assert.That(summary, Is.EqualTo(new[] { "4.b#1@1", "4.b#1@3+", "4.b#1@5+" }));
    }
}
