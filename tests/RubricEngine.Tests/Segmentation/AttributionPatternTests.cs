using RubricEngine.Documents;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Segmentation;

/// <summary>
/// Issue 11's patterns from real conversations (1–9), each on a trace written the way students and assistants
/// write, and one test per attribution signal.
/// </summary>
public sealed class AttributionPatternTests
{
    // A rubric like hw7's, with titles, an alias on one part of the named problem, and multiple choice by title.
    private static readonly SegmenterOptions Rubric = new()
    {
        Questions = ["3.b.i", "3.b.ii", "4.a", "4.b", "mt.a", "mt.b", "mt.c", "8.a.i", "8.a.ii", "8.a.iii"],
        Aliases = new Dictionary<string, QuestionPath>(StringComparer.OrdinalIgnoreCase) { ["Machine Translation"] = "mt.b" },
        Titles = new Dictionary<QuestionPath, string>
        {
            ["3.b.i"] = "First-order optimality conditions",
            ["3.b.ii"] = "Principal components satisfy the conditions",
            ["4.a"] = "Baseline and final training time and accuracy",
            ["4.b"] = "What you learned from the blog",
            ["mt.a"] = "Stacking encoder and decoder",
            ["mt.b"] = "Teacher-forced decoder inputs",
            ["mt.c"] = "Decoder inputs at evaluation time",
            ["8.a.i"] = "How many linear layers the network needs",
            ["8.a.ii"] = "Loss function to use",
            ["8.a.iii"] = "What is needed to optimize the regularized objective",
        },
    };

    private sealed record Result(TraceSegmentation Segmentation, MessageDocument[] Documents)
    {
        /// <summary>"question#attempt@message" for every answer, "+" marking a follow-up.</summary>
        public string[] Summary => Segmentation.Answers.Select(a => $"{a.Question}#{a.Attempt}@{a.MessageIndex}{(a.IsFollowUp ? "+" : "")}").ToArray();

        public AnswerSegment At(int message, string question) => Segmentation.Answers.Single(a => a.MessageIndex == message && a.Question == question);

        public string Text(int message, string question)
        {
            var a = At(message, question);
            return Documents[message].Slice(a.Span);
        }
    }

    private static Result Run(SegmenterOptions options, params string[] turns) => Run(options, [], turns);

    private static Result Run(SegmenterOptions options, IReadOnlyList<AttributionFix> fixes, params string[] turns)
    {
        var (trace, docs) = ChatTurns.Build("hw7", turns);
        return new Result(new Segmenter(options).Segment(trace, docs, fixes), docs);
    }

    private const string TwoProblemsReply = """
        Let's work through both problems.

        ## Problem 3(b)

        ### (i) First-Order Optimality Conditions

        Write the loss as a trace, $L = \operatorname{tr}((X - W_2 W_1 X)^\top (X - W_2 W_1 X))$, and set the gradients
        with respect to $W_1$ and $W_2$ to zero.

        ### (ii) PCA Satisfies These Conditions

        Substitute $W_1 = U_k^\top$ and $W_2 = U_k$: both gradients vanish because $U_k^\top U_k = I$.

        ## Machine Translation

        **(a)** Stacking them vertically leaks future tokens to the decoder.

        **(b)** The decoder inputs are `<sos> I see a`.

        **(c)** At evaluation time the decoder is fed its own predictions: `<sos> I saw a cat`.
        """;

    [Test]
    public void Pattern_1_a_bare_part_with_the_heading_an_earlier_reply_gave_it_goes_back_to_that_problem()
    {
        var r = Run(Rubric,
            "Please solve 3(b) and the machine translation question.",
            TwoProblemsReply,
            "for (i) First-Order Optimality Conditions, show the steps of the derivative",
            """
            Sure. Step 1: expand the trace. Step 2: differentiate with respect to $W_2$:
            $\nabla_{W_2} L = -2 (X - W_2 W_1 X) X^\top W_1^\top$. Step 3: do the same for $W_1$ and set both to zero.
            """);

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b.i#1@1", "3.b.ii#1@1", "mt.a#1@1", "mt.b#1@1", "mt.c#1@1", "3.b.i#2@3" }));
        Assert.That(r.At(3, "3.b.i").Confidence, Is.EqualTo(AttributionConfidence.High));
    }

    [Test]
    public void Pattern_2_part_ii_with_its_title_and_a_reference_to_part_i_is_attempt_2_of_part_ii()
    {
        var r = Run(Rubric,
            "Please solve 3(b) and the machine translation question.",
            TwoProblemsReply,
            "for (ii) PCA Satisfies These Conditions, use the conditions derived in part i) and show every step",
            "Plug $W_1 = U_k^\\top$ into condition (1): $U_k (X - U_k U_k^\\top X) X^\\top = 0$ since the residual is orthogonal to $U_k$.");

        Assert.That(r.Summary.Last(), Is.EqualTo("3.b.ii#2@3"));
    }

    [Test]
    public void Pattern_3_pasted_parts_without_a_number_and_a_reply_naming_the_problem_by_title_answer_that_problem()
    {
        var r = Run(Rubric,
            "Problem 4: what were the baseline and final training times? Then what did you learn?",
            "**(a)** The baseline took 341 s; the final run 26 s.\n\n**(b)** Small engineering fixes add up.",
            """
            (a) (4pts) Your teammate proposes stacking the encoder and decoder vertically rather than horizontally. What goes wrong?
            b)(3pts) In the example shown the correct translation is "I see a dog". What tokens are the decoder inputs during training?
            (c) (3pts) Continuing the previous part, what tokens would be passed into the decoder at evaluation time?
            """,
            """
            Let's address each part of the Machine Translation problem.

            **(a)** The decoder would see encoder states of future time steps.

            **(b)** With teacher forcing: `<sos>`, `I`, `see`, `a`.

            **(c)** The model's own previous predictions, starting from `<sos>`.
            """);

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.a#1@1", "4.b#1@1", "mt.a#1@3", "mt.b#1@3", "mt.c#1@3" }));
    }

    [Test]
    public void Pattern_4_pasted_multiple_choice_goes_to_the_questions_whose_titles_paraphrase_it()
    {
        var r = Run(Rubric,
            "let's start with problem 8 (a) (i) How many linear layers do you need for the network? - 0 - 1 - 2 - 3",
            "8(a)(i)\nAnswer: 2\nExplanation: one layer for $W_1$, one for $W_2$.",
            "What is the loss function that you will be using?\n\n- nn.L1Loss\n- nn.MSELoss\n- nn.CrossEntropyLoss",
            "Answer: nn.MSELoss, since the objective is a squared Frobenius norm.",
            "Which of the following would you need to optimize the regularized objective exactly as it is written? (Select all that are needed)\n\n- Weight Decay\n- Dropout\n- SGD optimizer",
            "Weight Decay and an SGD optimizer.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "8.a.i#1@1", "8.a.ii#1@3", "8.a.iii#1@5" }));
    }

    [Test]
    public void Pattern_5_replies_to_questions_the_rubric_does_not_declare_are_no_attempt()
    {
        var r = Run(Rubric,
            "now let's do 8(a)(ii): which loss function would you use?",
            "Answer: nn.MSELoss.",
            "A: **8(b)** While we are here: regularization keeps the weights small, so the solution prefers balanced factors.",
            "Do you think that the solution when we use a small nonzero lambda has an inductive bias towards finding a W2 matrix with approximately orthonormal columns? Argue why or why not.",
            "Yes. With a small penalty the optimum balances the singular values of $W_1$ and $W_2$, which pushes $W_2$ toward orthonormal columns.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "8.a.ii#1@1" }));
    }

    [Test]
    public void Pattern_6_plain_text_headings_copied_from_a_rendered_page_are_markers()
    {
        var r = Run(Rubric,
            "Solve problem 3b",
            """
            Problem 3b: Linear autoencoders and PCA
            We look for the stationary points of the loss.

            (i) First-order optimality conditions
            The gradients with respect to \mathbf{W}_1 and \mathbf{W}_2 vanish: W_2^\top (X - W_2 W_1 X) X^\top = 0.

            (ii) Principal components satisfy them
            \mathbf{U}_k is the matrix of the top k left singular vectors; substituting it gives zero.
            """);

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b.i#1@1", "3.b.ii#1@1" }));
        Assert.That(r.Text(1, "3.b.ii"), Does.StartWith("(ii) Principal components"));
    }

    [Test]
    public void Pattern_6_a_tab_separated_summary_table_copied_from_a_page_restates_the_answers()
    {
        var r = Run(Rubric,
            "Now problem 4, both parts.",
            "(a) The baseline took 341 s at 94% accuracy; the final run took 26 s.\n\n(b) I learned that small fixes add up.\n\nProblem 4 Summary\nQuestion\tAnswer\n(a)\tBaseline: 18 hours, 68%; final: 26 s, 94%\n(b)\tSmall fixes add up");

        var b = r.At(1, "4.b");
        Assert.That(r.Text(1, "4.b"), Is.EqualTo("(b) I learned that small fixes add up."));
        Assert.That(b.Restatements.Single().Kind, Is.EqualTo(BlockKind.Table));
        Assert.That(r.At(1, "4.a").Restatements, Is.EqualTo(b.Restatements));
    }

    [Test]
    public void Pattern_7_a_short_reply_to_a_side_question_follows_up_on_the_current_attempt()
    {
        var r = Run(Rubric,
            "Solve 3(b)(ii): show that the principal components satisfy the conditions.",
            "Substituting $W_1 = U_k^\\top$ and $W_2 = U_k$ into both conditions, each gradient vanishes because $U_k^\\top U_k = I_k$ and the residual $X - U_k U_k^\\top X$ is orthogonal to the span of $U_k$. Hence PCA is a stationary point.",
            "Is it a global minimum?",
            "Yes: by Eckart–Young the rank-$k$ projection onto $U_k$ is the best rank-$k$ approximation.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b.ii#1@1", "3.b.ii#1@3+" }));
    }

    [Test]
    public void Pattern_8_numbered_problem_headings_open_their_problems()
    {
        var options = new SegmenterOptions { Questions = ["1.a", "1.b", "2", "3.a", "3.b"] };
        var r = Run(options,
            "Here is the whole homework, please answer everything.",
            """
            ### 1. Recurrences

            (a) $T(n) = O(n \log n)$ by the master theorem.

            (b) $T(n) = O(n^2)$.

            ### 2. Summary

            The paper argues that sorting lower bounds follow from decision trees.

            ### 3. Multiple choice

            (a) The answer is B.

            (b) Heapsort.
            """);

        Assert.That(r.Summary, Is.EqualTo(new[] { "1.a#1@1", "1.b#1@1", "2#1@1", "3.a#1@1", "3.b#1@1" }));
        Assert.That(r.Text(1, "3.a"), Is.EqualTo("(a) The answer is B."));
    }

    [Test]
    public void Pattern_8_a_bold_numbered_lead_in_opens_its_problem()
    {
        var options = new SegmenterOptions { Questions = ["1.a", "1.b", "2", "3.a", "3.b"] };
        var r = Run(options,
            "Answer problems 2 and 3.",
            "**2.** The paper's claim is that comparisons bound sorting.\n\n**3.** (a) **B** (b) **Heapsort**");

        Assert.That(r.Summary, Is.EqualTo(new[] { "2#1@1", "3.a#1@1", "3.b#1@1" }));
        Assert.That(r.Text(1, "3.a"), Does.Not.Contain("Heapsort"));
        Assert.That(r.Text(1, "3.b"), Does.Contain("Heapsort"));
    }

    [Test]
    public void A_number_in_bold_then_a_part_answers_that_part()
    {
        var options = new SegmenterOptions { Questions = ["1.a", "1.b", "2"] };
        var r = Run(options,
            "Now 1(b) and 2, compactly.",
            "**1.** (b) $\\Theta(n\\log n)$: every level of the tree costs n.\n\n**2.** The potential method stores credit for later.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "1.b#1@1", "2#1@1" }));
    }

    [Test]
    public void Pattern_8_numbered_steps_inside_an_answer_are_not_problems()
    {
        var options = new SegmenterOptions { Questions = ["3.a", "3.b"] };
        var r = Run(options, "Solve 3(a).", "**1.** Expand the product.\n\n**2.** Differentiate.\n\n### 4. Check\n\nIt vanishes.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.a#1@1" }));
        Assert.That(r.At(1, "3.a").Blocks, Has.Count.EqualTo(4));
    }

    [Test]
    public void Pattern_9_a_reference_in_the_reply_does_not_move_the_answer_away_from_the_prompts_target()
    {
        var options = new SegmenterOptions { Questions = ["1.a", "1.b"] };
        var r = Run(options,
            "Solve problem 1.",
            "**(a)** The gradient is $2x$.\n\n**(b)** The minimum is at $x = 0$.",
            "for 1(b), show the steps",
            "### Building on part (a)\n\nSince the gradient from part (a) is $2x$, setting it to zero gives $x = 0$, and the second derivative is positive.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "1.a#1@1", "1.b#1@1", "1.b#2@3" }));
    }

    [Test]
    public void Signal_explicit_question_in_the_trace_is_decisive()
    {
        var messages = new List<Message>
        {
            new(0, Role.User, "Solve 4(a)", null, [], [], null),
            new(1, Role.Assistant, "The baseline took 341 s.", null, [], [], "mt.c"),
        };
        var trace = new Trace("t", "hw7", new Student("s"), null, [], messages);
        var docs = messages.Select(m => MarkdownDocumentParser.Default.Parse(m.Content)).ToArray();
        var a = new Segmenter(Rubric).Segment(trace, docs).Answers.Single();

        Assert.That((a.Question.Value, a.Confidence, a.Reason), Is.EqualTo(("mt.c", AttributionConfidence.High, "question given in the trace")));
    }

    [Test]
    public void Signal_a_marker_in_the_prompt_names_the_question_with_high_confidence()
    {
        var r = Run(Rubric, "now let's do 4(b)", "Training speed is mostly engineering.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.b#1@1" }));
        Assert.That(r.At(1, "4.b").Reason, Is.EqualTo("marker '4(b)' in the prompt"));
    }

    [Test]
    public void Signal_a_marker_in_the_reply_opens_its_question()
    {
        var r = Run(Rubric, "go on", "### 4(a)\n\nThe baseline took 341 s.");

        Assert.That(r.At(1, "4.a").Reason, Is.EqualTo("marker '4(a)' in the reply"));
        Assert.That(r.At(1, "4.a").Confidence, Is.EqualTo(AttributionConfidence.High));
    }

    [Test]
    public void Signal_a_rubric_title_in_the_prompt_names_its_question()
    {
        var r = Run(Rubric, "Explain the teacher forced decoder inputs for the example sentence.", "They are `<sos> I see a`.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "mt.b#1@1" }));
        Assert.That(r.At(1, "mt.b").Reason, Is.EqualTo("title match: 'Teacher-forced decoder inputs'"));
    }

    [Test]
    public void Signal_an_alias_on_one_part_names_the_whole_problem()
    {
        var r = Run(Rubric, "On to Machine Translation.", "**(a)** Stacking leaks the future.\n\n**(c)** Its own predictions.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "mt.a#1@1", "mt.c#1@1" }));
    }

    [Test]
    public void Signal_a_heading_matching_a_title_opens_its_question()
    {
        var r = Run(Rubric, "continue", "## Principal Components Satisfy the Conditions\n\nSubstitute $U_k$.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "3.b.ii#1@1" }));
        Assert.That(r.At(1, "3.b.ii").Reason, Does.StartWith("heading matches title"));
    }

    [Test]
    public void Signal_a_pasted_statement_names_its_question()
    {
        var options = Rubric with
        {
            Titles = new Dictionary<QuestionPath, string>(),
            Statements = new Dictionary<QuestionPath, string>
            {
                ["4.a"] = "What is the baseline training time and accuracy the authors started with? What was the final training time and accuracy achieved?",
                ["4.b"] = "Comment on what you have learnt from the blog post, in about 100 words.",
                ["mt.c"] = "Continuing the previous part, what five tokens would be passed into the decoder at evaluation time?",
            },
        };
        var r = Run(options,
            "ok next: what was the baseline training time and accuracy that the authors started with, and what final training time and accuracy did they achieve",
            "Baseline 341 s at 94%; final 26 s at 94%.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.a#1@1" }));
        Assert.That(r.At(1, "4.a").Reason, Does.StartWith("statement match: 4.a"));
    }

    [Test]
    public void Signal_continuity_alone_is_low_confidence()
    {
        var r = Run(Rubric, "Solve 4(a)", "Baseline 341 s.", "can you make it shorter", "341 s, 94%.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.a#1@1", "4.a#2@3" }));
        Assert.That((r.At(3, "4.a").Confidence, r.At(3, "4.a").Reason), Is.EqualTo((AttributionConfidence.Low, "only continuity")));
    }

    [Test]
    public void Signal_none_a_prompt_naming_only_ungraded_questions_gets_no_attempt()
    {
        var r = Run(Rubric, "Solve 4(a)", "Baseline 341 s.", "now problem 6 please", "Problem 6 asks about convolutions; the answer is 3.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.a#1@1" }));
    }

    [Test]
    public void A_reply_continuing_the_one_before_is_a_follow_up_and_a_retry_is_a_new_attempt()
    {
        var r = Run(Rubric,
            "Solve 4(a)",
            "Baseline 341 s.",
            "A: Final: 26 s at 94%.",
            "are you sure about the baseline? please read the paragraph again",
            "You're right: the baseline was 341 s at 94%, the final 26 s.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.a#1@1", "4.a#1@2+", "4.a#2@4" }));
    }

    [Test]
    public void A_fix_is_decisive_and_the_rest_of_the_conversation_follows_it()
    {
        var r = Run(Rubric, [new AttributionFix(1, "4.b"), new AttributionFix(3, null)],
            "Solve 4(a)", "Small fixes add up.", "and more", "Also, the GPU was a V100.", "summarize it again, shorter", "Fixes add up.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.b#1@1", "4.b#2@5" }));
        Assert.That(r.At(1, "4.b").Reason, Is.EqualTo("fixed by --attribution"));
    }

    [Test]
    public void A_reply_to_read_this_and_do_not_answer_yet_answers_nothing_but_sets_the_problem()
    {
        var r = Run(Rubric,
            "moving to problem 4, the blog post. Here it is; read it and do NOT answer anything yet.\n\nWe trained a ResNet to 94% in 341 seconds…",
            "Understood. Summary: (a) the baseline took 341 s, (b) mixed precision helped most.",
            "(a) what were the training times?",
            "341 s before, 26 s after.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "4.a#1@3" }));
    }

    [Test]
    public void A_reply_that_could_not_open_the_material_answers_nothing()
    {
        var r = Run(Rubric,
            "4(a): read https://example.org/blog and give the training times",
            "The link doesn't open for me, so I can't quote the post. In general, mixed precision and larger batches speed training up.");

        Assert.That(r.Summary, Is.Empty);
    }

    [Test]
    public void A_list_of_the_homeworks_problems_asked_for_answers_none_of_them()
    {
        var r = Run(Rubric,
            "attached is hw7, just give me the list of written problems",
            "### Problem 3\n\n(b) (i) Optimality conditions\n\n(ii) PCA satisfies them\n\n### Problem 4\n\n(a) Training times\n\n(b) Summary");

        Assert.That(r.Summary, Is.Empty);
    }

    [Test]
    public void A_reply_to_a_prompt_that_is_only_an_image_goes_to_the_statement_its_words_resemble()
    {
        var options = Rubric with
        {
            Statements = new Dictionary<QuestionPath, string>
            {
                ["4.a"] = "How long did training to 94% test accuracy take before the authors' changes, on what hardware, and at the end?",
                ["mt.b"] = "Which tokens are fed to the decoder as inputs during training with teacher forcing, for the reference I see a dog?",
                ["mt.c"] = "Which weakness of the plain encoder-decoder does attention address?",
            },
        };
        var r = Run(options, "[image]", "With teacher forcing the decoder inputs are the reference tokens shifted by one: <sos>, I, see, a.");

        Assert.That(r.Summary, Is.EqualTo(new[] { "mt.b#1@1" }));
        Assert.That(r.At(1, "mt.b").Confidence, Is.EqualTo(AttributionConfidence.Low));
    }
}
