using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

/// <summary>
/// Issue 13, cases 1 and 2: the Markdown layouts exporters and copy-paste really write, each split at its own role
/// lines only, with exporter headers and footers left out of the messages.
/// </summary>
public sealed class MarkdownLayoutTests
{
    private static Trace ReadOne(string fixture)
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture("markdown/" + fixture));
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        Assert.That(result.Skipped, Is.Empty);
        var trace = result.Traces.Single();
        Assert.That(trace.Format, Is.EqualTo(TraceFormats.Markdown));
        return trace;
    }

    private static readonly Role[] TwoExchanges = [Role.User, Role.Assistant, Role.User, Role.Assistant];

    [TestCase("claude-emoji-headings.md", "And at a stationary point?")]
    [TestCase("claude-emoji-bold.md", "Can you make it shorter?")]
    [TestCase("ai-chat-archive.md", "Why not A?")]
    [TestCase("human-time-h3.md", "Thanks — and the epochs?")]
    [TestCase("chatgpt-said-headings.md", "So for one-hot y it is just p minus the label?")]
    [TestCase("chatgpt-said-plain.txt", "thanks")]
    [TestCase("user-on-date.md", "ok and beam search fixes that?")]
    [TestCase("prompt-response-exporter.md", "are you sure? PyTorch gives 0")]
    [TestCase("pionxzh-chatgpt-exporter.md", "What is rowsum here?")]
    [TestCase("dkasak-bold-labels.md", "and the peak value?")]
    public void A_common_transcript_layout_is_read_as_alternating_turns(string fixture, string secondPrompt)
    {
        var trace = ReadOne(fixture);

        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(TwoExchanges));
        Assert.That(trace.Messages[2].Content, Is.EqualTo(secondPrompt));
    }

    [Test]
    public void Emoji_headings_keep_the_answer_whole_with_its_math_and_bold_lead_ins()
    {
        var trace = ReadOne("claude-emoji-headings.md");

        Assert.That(trace.Messages[0].Content, Does.StartWith("For problem 3(b), derive"));
        Assert.That(trace.Messages[1].Content, Does.Contain("**Step 2.** Differentiate with respect to W_1"));
        Assert.That(trace.Messages.Any(m => m.Content.Contains("Exported from Claude")), Is.False, "the exporter's line before the first turn is metadata");
    }

    [Test]
    public void The_withlinda_exporter_layout_drops_its_summary_times_and_thinking_but_keeps_numbered_headings()
    {
        var trace = ReadOne("claude-emoji-bold.md");

        Assert.That(trace.Messages[0].Content, Is.EqualTo("Summarize the ResNet training blog in at most 100 words."));
        Assert.That(trace.Messages[1].Content, Does.StartWith("### 2. Summary\n\nThe author trains"), "thinking removed, the numbered heading kept");
        Assert.That(trace.Messages[1].Content, Does.EndWith("tuning batch size."), "the per-message time is metadata");
        Assert.That(trace.Messages[3].Content, Is.EqualTo("A ResNet-18 variant reaches 94% on CIFAR-10 in 341 s on one GPU."));
    }

    [Test]
    public void Ai_chat_archive_separators_and_created_line_are_not_text_and_its_attachment_lines_are_attachments()
    {
        var trace = ReadOne("ai-chat-archive.md");

        Assert.That(trace.Messages[0].Content, Is.EqualTo("Which of the options in 8(a) are true for a linear autoencoder?"));
        Assert.That(trace.Messages[0].Attachments.Select(a => (a.Name, a.MediaType)),
            Is.EqualTo(new[] { ("hw7.pdf", (string?)"application/pdf"), ("notes.txt", "text/plain") }));
        Assert.That(trace.Messages[1].Content, Does.EndWith("the sum of the discarded eigenvalues."), "no trailing '---'");
        Assert.That(trace.Messages.Any(m => m.Content.Contains("Created:")), Is.False);
    }

    [Test]
    public void Timestamped_h3_headings_split_but_a_model_heading_inside_the_answer_does_not()
    {
        var trace = ReadOne("human-time-h3.md");

        Assert.That(trace.Messages[1].Content, Does.Contain("### Model\n\nThat sentence is the model's recap"));
    }

    [Test]
    public void ChatGPT_page_copy_leaves_out_the_page_chrome_and_disclaimer()
    {
        var trace = ReadOne("chatgpt-said-plain.txt");

        Assert.That(trace.Messages[0].Content, Does.StartWith("what is the capacity of a 3-layer MLP"));
        Assert.That(trace.Messages[1].Content, Does.Contain("Total ≈ 269,322 parameters."));
        Assert.That(trace.Messages[3].Content, Is.EqualTo("You're welcome! Let me know if you want the FLOPs too."));
    }

    [Test]
    public void Quoted_turns_after_user_on_date_headings_lose_the_quote_marks()
    {
        var trace = ReadOne("user-on-date.md");

        Assert.That(trace.Messages[0].Content, Is.EqualTo("In problem 7, why does the decoder need the previous target token during training?\n\nI mean teacher forcing."));
        Assert.That(trace.Messages[1].Content, Does.StartWith("**Teacher forcing** feeds"));
    }

    [Test]
    public void Exporter_header_and_powered_by_footer_are_metadata_not_turns()
    {
        var trace = ReadOne("prompt-response-exporter.md");

        Assert.That(trace.Messages[0].Content, Is.EqualTo("Is the gradient of ReLU at 0 equal to 1?"));
        Assert.That(trace.Messages.Any(m => m.Content.Contains("Anonymous") || m.Content.Contains("Created:")), Is.False);
        Assert.That(trace.Messages[3].Content, Is.EqualTo("Yes — PyTorch defines the derivative at 0 as 0, which is one valid subgradient in [0, 1]."));
        // Issue case 2: '### Response:' inside the first answer is part of it.
        Assert.That(trace.Messages[1].Content, Does.Contain("### Response:\n\nThe short answer above"));
    }

    [Test]
    public void Role_words_as_headings_inside_an_answer_do_not_start_messages()
    {
        var trace = ReadOne("role-words-in-answer.md");

        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Assistant, Role.User }));
        var answer = trace.Messages[1].Content;
        Assert.That(answer, Does.StartWith("### System\n\nA two-stage pipeline"));
        Assert.That(answer, Does.Contain("### Model\n\nResNet-18 backbone"));
        Assert.That(answer, Does.Contain("**AI:** this bold lead-in is part of the answer"));
        Assert.That(answer, Does.EndWith("### Response:\n\nFinal answer: **11.2M parameters**."));
    }

    [Test]
    public void A_system_prompt_in_the_layout_form_before_the_first_answer_is_a_system_message()
    {
        using var temp = new TempFolder();
        var path = temp.Write("t.md", "## System\n\nYou are a TA.\n\n## User\n\nHi\n\n## Assistant\n\nHello.\n\n### System\n\ninside the answer\n");

        var trace = TraceTestFiles.Read(path).Traces.Single();

        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.System, Role.User, Role.Assistant }));
        Assert.That(trace.Messages[2].Content, Is.EqualTo("Hello.\n\n### System\n\ninside the answer"));
    }

    [Test]
    public void A_markdown_file_naming_only_the_user_says_what_it_found_and_what_was_looked_for()
    {
        using var temp = new TempFolder();
        var path = temp.Write("answers.md", "# My answers\n\n## User\n\nI solved it by hand.\n");

        var error = TraceTestFiles.Read(temp.Root).Errors.Single();

        Assert.That(error.File, Is.EqualTo(path));
        Assert.That(error.Reason, Does.StartWith("unrecognised Markdown layout: only user headings found ('## User', line 3), none naming the assistant"));
        Assert.That(error.Reason, Does.Contain("looked for role headings or labels naming both the user and the assistant"));
    }

    [Test]
    public void Notes_without_role_headings_in_a_folder_are_an_error_with_the_reason_not_skipped_in_silence()
    {
        using var temp = new TempFolder();
        var path = temp.Write("s7001/answers.txt", "Problem 1: 42\nProblem 2: see attached\n");

        var result = TraceTestFiles.Read(temp.Root);

        Assert.That(result.Skipped, Is.Empty);
        Assert.That(result.Errors.Single().File, Is.EqualTo(path));
        Assert.That(result.Errors.Single().Reason, Does.StartWith("unrecognised Markdown layout: no role headings found; looked for"));
    }
}

/// <summary>Hostile text for the layout finder and the citation remover: linear work, no hang.</summary>
[CancelAfter(30_000)]
public sealed class MarkdownLayoutHostileTests
{
    [Test]
    public void Thousands_of_distinct_role_lines_and_unclosed_markers_read_without_blowing_up()
    {
        using var temp = new TempFolder();
        var sb = new System.Text.StringBuilder();
        string[] words = ["User", "Human", "You", "Student", "Assistant", "Claude", "Model", "AI", "ChatGPT", "Gemini"];
        for (var i = 0; i < 20_000; i++)
            sb.Append(new string('#', 1 + i % 6)).Append(' ').Append(i % 3 == 0 ? "👤 " : "").Append(words[i % words.Length])
              .Append(i % 4 == 0 ? " (08:00)" : i % 4 == 1 ? " said:" : ":").Append("\n**Thinking:**\n\n【".PadRight(40, '【')).Append('\n');
        sb.Append("**Thinking:**\n```\nnever closed\n");
        var path = temp.Write("hostile.md", sb.ToString());

        var result = TraceTestFiles.Read(path);

        Assert.That(result.Traces.Count + result.Errors.Count, Is.EqualTo(1));
    }
}
