using RubricEngine.Documents;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Segmentation;

public sealed class SegmenterTests
{
    private static readonly SegmenterOptions Hw7 = new()
    {
        Questions = ["3.b.i", "3.b.ii", "4.a", "4.b", "mt.b", "mt.c", "5.a", "5.b"],
        Aliases = new Dictionary<string, QuestionPath>(StringComparer.OrdinalIgnoreCase) { ["Machine Translation"] = "mt" },
    };

    private sealed record Result(TraceSegmentation Segmentation, MessageDocument[] Documents)
    {
        /// <summary>"question#attempt@message" for every answer, in order.</summary>
        public string[] Summary => Segmentation.Answers.Select(a => $"{a.Question}#{a.Attempt}@{a.MessageIndex}").ToArray();

        public string Text(string question, int attempt = 1)
        {
            var a = Segmentation.AttemptsAt(question).Single(x => x.Attempt == attempt);
            return Documents[a.MessageIndex].Slice(a.Span);
        }
    }

    private static Message M(int index, Role role, string content, string? question = null) =>
        new(index, role, content, null, [], [], question);

    private static Result Run(SegmenterOptions options, params (Role Role, string Content)[] messages) =>
        Run(options, messages.Select((m, i) => M(i, m.Role, m.Content)).ToArray());

    private static Result Run(SegmenterOptions options, params Message[] messages)
    {
        var trace = new Trace("t", "hw7", new Student("s"), null, [], messages);
        var docs = messages.Select(m => MarkdownDocumentParser.Default.Parse(m.Content)).ToArray();
        return new Result(new Segmenter(options).Segment(trace, docs), docs);
    }

    private static (Role, string) U(string s) => (Role.User, s);

    private static (Role, string) A(string s) => (Role.Assistant, s);

    [Test]
    public void One_reply_answers_several_problems_and_parts()
    {
        var r = Run(Hw7, U("Do problems 4 and 5."), A("""
            ## Problem 4

            **(a)** The blog reports 94% accuracy in 341 s.

            **(b)** Summary: the authors train fast.

            ## Problem 5

            **(a)** B

            **(b)** `nn.MSELoss`
            """));

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.a#1@1", "4.b#1@1", "5.a#1@1", "5.b#1@1" }));
        Assert.That(r.Text("4.a"), Is.EqualTo("**(a)** The blog reports 94% accuracy in 341 s."));
        Assert.That(r.Text("5.b"), Is.EqualTo("**(b)** `nn.MSELoss`"));
    }

    [Test]
    public void Relative_markers_resolve_against_the_problem_and_part_in_context()
    {
        var r = Run(Hw7, U("Help with problem 3."), A("""
            ### Problem 3(b)

            (i) Expanding the trace gives condition (1) and (2).

            **(ii)** Substituting $W_1 = U_k^\top$ into (1) gives zero.
            """));

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b.i#1@1", "3.b.ii#1@1" }));
        Assert.That(r.Text("3.b.i"), Does.StartWith("(i) Expanding"));
    }

    [Test]
    public void Headings_with_numerals_mark_subparts()
    {
        var r = Run(Hw7, U("Solve problem 3(b)"), A("""
            ### (i) First-order conditions

            We expand the norm.

            ### (ii) Show that principal components satisfy them

            Substitute.
            """));

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b.i#1@1", "3.b.ii#1@1" }));
        Assert.That(r.Text("3.b.i"), Is.EqualTo("### (i) First-order conditions\n\nWe expand the norm."));
    }

    [Test]
    public void Deeper_marker_than_declared_goes_to_the_declared_ancestor()
    {
        var options = new SegmenterOptions { Questions = ["3.b", "4"] };
        var r = Run(options, A("**Problem 3.b.ii** The answer.\n\n**4(a)** Another."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b#1@0", "4#1@0" }));
    }

    [Test]
    public void Problem_without_sub_markers_goes_to_its_first_declared_question()
    {
        var r = Run(Hw7, U("Solve problem 4."), A("The blog trains a ResNet to 94% in 341 seconds."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.a#1@1" }));
    }

    [Test]
    public void Short_preamble_before_the_first_marker_belongs_to_no_answer()
    {
        var r = Run(Hw7, U("Solve problem 4."), A("Sure! Here are both parts:\n\n**(a)** 94% in 341 s.\n\n**(b)** A summary."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.a#1@1", "4.b#1@1" }));
        Assert.That(r.Text("4.a"), Is.EqualTo("**(a)** 94% in 341 s."));
    }

    [Test]
    public void Substantial_unmarked_text_before_a_marker_answers_the_question_in_context()
    {
        var r = Run(Hw7,
            U("Solve problem 3(b)(i)."),
            A("Expand:\n\n$$\nL = \\mathrm{tr}(X^\\top X)\n$$\n\nThen differentiate.\n\n**(ii)** Substitute."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b.i#1@1", "3.b.ii#1@1" }));
        Assert.That(r.Text("3.b.i"), Does.StartWith("Expand:"));
    }

    [Test]
    public void User_prompt_sets_the_question_of_an_unmarked_reply()
    {
        var r = Run(Hw7, U("Solve problem 3(b)(ii) please"), A("Substitute $W_1 = U_k^\\top$ into (1)."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b.ii#1@1" }));
    }

    [Test]
    public void Retry_re_answers_every_part_it_contains_as_new_attempts()
    {
        var r = Run(Hw7,
            U("Solve problem 4 using the blog."),
            A("**(a)** It took ~18 hours and reached 68%.\n\n**(b)** The blog is about speed."),
            U("retry problem 4, here is the blog again:\n\nA ResNet-18-style network reaches 94% ... (a) figures (b) summary"),
            A("**(a)** 94% in 341 s on one V100.\n\n**(b)** A 100-word summary."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.a#1@1", "4.b#1@1", "4.a#2@3", "4.b#2@3" }));
    }

    [Test]
    public void Follow_up_naming_a_part_resolves_against_the_problem_under_discussion()
    {
        var r = Run(Hw7,
            U("Solve problem 3(b)."),
            A("**(i)** The conditions are (1) and (2).\n\n**(ii)** They hold."),
            U("for (i), show the steps of the derivative"),
            A("Step 1: expand the trace.\n\nStep 2: differentiate.\n\nStep 3: set to zero."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b.i#1@1", "3.b.ii#1@1", "3.b.i#2@3" }));
    }

    [Test]
    public void Follow_up_without_markers_continues_the_question_the_last_reply_ended_on()
    {
        var r = Run(Hw7,
            U("Problem 4(b): summarize the blog in about 100 words."),
            A("The blog shows a ResNet trained in 341 s."),
            U("Make it shorter."),
            A("A ResNet reaches 94% in 341 s."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.b#1@1", "4.b#2@3" }));
    }

    [Test]
    public void Prompt_naming_a_problem_by_alias_sets_the_context()
    {
        var r = Run(Hw7,
            U("Now the Machine Translation question, part (b): what are the decoder inputs?"),
            A("With teacher forcing the decoder inputs are <sos>, I, see, a, dog."),
            U("And (c)?"),
            A("Attention handles different lengths and reordering."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "mt.b#1@1", "mt.c#1@3" }));
    }

    [Test]
    public void Alias_in_a_heading_names_the_problem_and_its_parts()
    {
        var r = Run(Hw7, A("## Problem 6: Machine Translation\n\n**(b)** `<sos> I see a dog`\n\n**(c)** alignment"),
            U("Redo 6(c)"), A("Attention learns an alignment."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "mt.b#1@0", "mt.c#1@0", "mt.c#2@2" }));
    }

    [Test]
    public void Explicit_question_on_a_message_wins_over_markers_and_prompts()
    {
        var r = Run(Hw7,
            M(0, Role.User, "Solve problem 4(a)"),
            M(1, Role.Assistant, "**(a)** The derivation.\n\nMore.", question: "3.b.i"));

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b.i#1@1" }));
    }

    [Test]
    public void Explicit_question_on_a_prompt_sets_the_next_reply()
    {
        var r = Run(Hw7,
            M(0, Role.User, "next one", question: "5.b"),
            M(1, Role.Assistant, "Use `nn.MSELoss`."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "5.b#1@1" }));
    }

    [Test]
    public void Second_assistant_message_in_a_row_follows_up_on_the_first_ones_attempt()
    {
        var r = Run(Hw7,
            U("Solve 4(b)."),
            A("Here is a first draft of the summary."),
            A("And a revised one, closer to 100 words."),
            A("**(a)** Also the figures: 94%."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.b#1@1", "4.b#1@2", "4.a#1@3" }));
        Assert.That(r.Segmentation.Answers.Select(a => a.IsFollowUp), Is.EqualTo(new[] { false, true, false }));
    }

    [Test]
    public void Closing_summary_table_restates_answers_and_is_left_out_of_them()
    {
        var r = Run(Hw7, U("Problem 5"), A("""
            **(a)** The answer is B because residual connections help.

            **(b)** Use `nn.MSELoss`.

            ### Summary

            | Part | Answer |
            |------|--------|
            | (a)  | B      |
            | (b)  | `nn.MSELoss` |

            Let me know if you'd like more detail!
            """));

        Assert.That(r.Summary, Is.EqualTo(new[] { "5.a#1@1", "5.b#1@1" }));
        Assert.That(r.Text("5.b"), Is.EqualTo("**(b)** Use `nn.MSELoss`."));
        var a = r.Segmentation.AttemptsAt("5.a").Single();
        Assert.That(a.Restatements.Single().Kind, Is.EqualTo(BlockKind.Table));
        Assert.That(r.Segmentation.AttemptsAt("5.b").Single().Restatements, Is.EqualTo(a.Restatements));
    }

    [Test]
    public void Final_table_naming_questions_restates_them_without_a_heading()
    {
        var r = Run(Hw7, U("Problem 4"), A("**(a)** 94% in 341 s.\n\n**(b)** Short summary.\n\n| Question | Answer |\n|---|---|\n| 4(a) | 94%, 341 s |"));

        Assert.That(r.Segmentation.AttemptsAt("4.a").Single().Restatements, Has.Count.EqualTo(1));
        Assert.That(r.Segmentation.AttemptsAt("4.b").Single().Restatements, Is.Empty);
        Assert.That(r.Text("4.b"), Is.EqualTo("**(b)** Short summary."));
    }

    [Test]
    public void Table_that_is_the_answer_stays_in_the_answer()
    {
        var r = Run(Hw7, U("Problem 4(a): list the figures"), A("From the blog:\n\n| Quantity | Value |\n|---|---|\n| Accuracy | 94% |\n| Time | 341 s |"));

        var a = r.Segmentation.AttemptsAt("4.a").Single();
        Assert.That(a.Blocks.Select(b => b.Kind), Is.EqualTo(new[] { BlockKind.Paragraph, BlockKind.Table }));
        Assert.That(a.Restatements, Is.Empty);
    }

    [Test]
    public void Pleasantries_and_thematic_breaks_are_not_answers()
    {
        var r = Run(Hw7,
            U("Problem 5(a)"),
            A("The answer is **B**.\n\n---\n\nHope this helps!"),
            U("thanks!"),
            A("You're welcome! Good luck with the homework."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "5.a#1@1" }));
        Assert.That(r.Text("5.a"), Is.EqualTo("The answer is **B**."));
    }

    [Test]
    public void Problems_the_rubric_does_not_grade_are_ignored()
    {
        var r = Run(Hw7, U("Solve problems 2 and 5"), A("## Problem 2\n\n**(b)** Not graded.\n\n## Problem 5\n\n**(b)** `nn.MSELoss`"));

        Assert.That(r.Summary, Is.EqualTo(new[] { "5.b#1@1" }));
    }

    [Test]
    public void Mid_paragraph_references_to_parts_are_not_markers()
    {
        var r = Run(Hw7, U("Problem 3(b)(ii)"), A("Using the conditions from (i), substitute.\n\n(1) and (2) both vanish, as part (i) showed."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b.ii#1@1" }));
        Assert.That(r.Segmentation.Answers[0].Blocks, Has.Count.EqualTo(2));
    }

    [Test]
    public void Without_declared_questions_markers_are_taken_as_written()
    {
        var r = Run(new SegmenterOptions(), A("### 3(b)(i)\n\nText.\n\n### (ii)\n\nMore."));

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b.i#1@0", "3.b.ii#1@0" }));
    }

    [Test]
    public void Outline_gives_lines_and_first_words_per_attempt()
    {
        var r = Run(Hw7, U("Problem 5"), A("Intro.\n\n**(a)** The answer is B because\nresidual connections help.\n\n**(b)** Use MSE."));
        var outline = SegmentationOutline.Build(r.Segmentation, r.Documents, Hw7.Questions);

        var a = outline.Single(q => q.Question == "5.a").Attempts.Single();
        Assert.That((a.MessageIndex, a.StartLine, a.EndLine), Is.EqualTo((1, 3, 4)));
        Assert.That(a.FirstWords, Is.EqualTo("**(a)** The answer is B because residual connections …".Replace("**", "")));
        Assert.That(outline.Single(q => q.Question == "4.a").Attempts, Is.Empty);
    }

    [Test]
    public void Large_traces_segment_in_linear_time()
    {
        var messages = new List<(Role, string)>();
        for (var i = 0; i < 2_000; i++)
        {
            messages.Add(U($"retry problem 4 attempt {i}"));
            messages.Add(A("**(a)** 94% in 341 s.\n\n**(b)** Summary.\n\n| Part | Answer |\n|---|---|\n| (a) | 94% |"));
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var r = Run(Hw7, messages.ToArray());
        Assert.That(watch.ElapsedMilliseconds, Is.LessThan(5_000));
        Assert.That(r.Segmentation.AttemptsAt("4.b"), Has.Count.EqualTo(2_000));
    }
}
