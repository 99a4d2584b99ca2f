using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

/// <summary>
/// Issue 13, case 6: ShareGPT as fine-tuning datasets write it (function calling roles, role/content turns, a
/// top-level system prompt) and OpenAI chat JSONL.
/// </summary>
public sealed class ShareGptKinTests
{
    [Test]
    public void Function_call_and_response_roles_are_tool_messages_and_the_system_prompt_comes_first()
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture("sharegpt/function-calling.json"));

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        var first = result.Traces[0];
        Assert.That(first.Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.System, Role.User, Role.Tool, Role.Tool, Role.Assistant }));
        Assert.That(first.Messages[0].Content, Does.StartWith("You are a helpful assistant with access to a calculator."));
        Assert.That(result.Traces[1].Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Tool, Role.Tool, Role.Assistant }),
            "function-call / function-response, hyphenated");
        Assert.That(result.Traces[1].Messages[3].Content, Is.EqualTo("269,322 parameters."));
    }

    [Test]
    public void Role_and_content_turns_inside_conversations_are_read()
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture("sharegpt/role-content.jsonl"));

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        Assert.That(result.Traces.Select(t => t.Id), Is.EqualTo(new[] { "rc-0001", "rc-0002" }));
        Assert.That(result.Traces[0].Messages.Select(m => (m.Role, m.Content)), Is.EqualTo(new[]
        {
            (Role.System, "Answer briefly."),
            (Role.User, "Is batch norm applied before or after ReLU in ResNet?"),
            (Role.Assistant, "Before: conv → BN → ReLU."),
        }));
    }

    [Test]
    public void A_turn_without_from_or_role_names_both()
    {
        using var temp = new TempFolder();
        var path = temp.Write("x.json", "{\"conversations\": [{\"value\": \"hi\"}]}");

        var error = TraceTestFiles.Read(path).Errors.Single();

        Assert.That(error.Reason, Is.EqualTo("required field 'from' (or 'role') is missing"));
        Assert.That(error.JsonPath, Is.EqualTo("$.conversations[0]"));
    }

    [Test]
    public void OpenAI_chat_jsonl_is_read_one_conversation_per_line_with_parts_and_tool_results()
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture("openai/finetune-chat.jsonl"));

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        Assert.That(result.Traces.Select(t => t.Format), Is.All.EqualTo(TraceFormats.OpenAiChat));
        Assert.That(result.Traces[0].Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.System, Role.User, Role.Assistant }));
        Assert.That(result.Traces[1].Messages.Select(m => (m.Role, m.Content)), Is.EqualTo(new[]
        {
            (Role.System, "Show your work."),
            (Role.User, "Compute 2^10."),
            (Role.Tool, "1024"),
            (Role.Assistant, "2^10 = 1024."),
        }), "developer is system; a content-less tool call is skipped, its result kept");
    }
}

/// <summary>Issue 13, case 9: Google Takeout's Gemini activity (Superkikim/nexus-ai-chat-importer gemini-types.ts).</summary>
public sealed class GeminiTakeoutFormatTests
{
    private static readonly string Fixture = TraceTestFiles.Fixture("gemini/s6001/MyActivity.json");

    [Test]
    public void Takeout_activity_is_one_trace_oldest_first_with_prompt_prefixes_removed()
    {
        var result = TraceTestFiles.Read(Fixture);

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        var trace = result.Traces.Single();
        Assert.That(trace.Format, Is.EqualTo(TraceFormats.Gemini));
        Assert.That(trace.Student.Id, Is.EqualTo("s6001"), "MyActivity.json is an export's default name");
        Assert.That(trace.Messages.Select(m => (m.Role, m.Content)), Is.EqualTo(new[]
        {
            (Role.User, "Summarize the ResNet training blog for problem 4(b)."),
            (Role.Assistant, "### Summary\n\nThe post speeds up CIFAR-10 training & keeps accuracy at 94%:\n\n- batch size 512\n- one-cycle learning rate"),
            (Role.User, "and for the 100-word version?"),
            (Role.Assistant, "A ResNet-18 variant reaches **94%** on CIFAR-10 in 341 s on one V100, down from about 3 hours."),
        }));
        Assert.That(trace.Messages[0].Attachments.Single(), Is.EqualTo(new Attachment("hw7-blog.pdf", "application/pdf", null)));
    }
}

/// <summary>
/// Issue 13, case 9: the other exports the public importers support (Superkikim/nexus-ai-chat-importer
/// grok-types.ts, perplexity-types.ts), kept apart from ShareGPT although they too use 'conversations'.
/// </summary>
public sealed class GrokAndPerplexityFormatTests
{
    [Test]
    public void A_grok_backend_export_is_read_in_time_order_with_its_companion_files_skipped()
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture("grok-export"));

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        Assert.That(result.Skipped.Select(s => (Path.GetFileName(s.File), s.Reason)), Is.EquivalentTo(new[]
        {
            ("prod-mc-auth-mgmt-api.json", "not a trace: companion file of a Grok export"),
            ("prod-mc-billing.json", "not a trace: companion file of a Grok export"),
        }));
        var trace = result.Traces.Single();
        Assert.That(trace.Format, Is.EqualTo(TraceFormats.Grok));
        Assert.That((trace.Id, trace.Student.Id, trace.Model), Is.EqualTo(("a1b2c3d4-0000-4e5f-9a8b-7c6d5e4f3a2b", "s9101", "grok-4")));
        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Assistant, Role.User, Role.Assistant }), "listed out of order; ASSISTANT in capitals");
        Assert.That(trace.Messages[0].Time, Is.EqualTo(new DateTimeOffset(2025, 11, 29, 8, 0, 1, TimeSpan.Zero)));
        Assert.That(trace.Messages[2].Content, Is.EqualTo("and with d = 64?"));
    }

    [TestCase("perplexity/label-smoothing.json", "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", 4)]
    [TestCase("perplexity/weight-decay.json", "weight-decay-Ab12Cd", 2)]
    public void A_perplexity_thread_in_either_shape_is_question_and_answer_pairs(string fixture, string id, int messages)
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture(fixture));

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        var trace = result.Traces.Single();
        Assert.That(trace.Format, Is.EqualTo(TraceFormats.Perplexity));
        Assert.That(trace.Id, Is.EqualTo(id));
        Assert.That(trace.Messages, Has.Count.EqualTo(messages));
        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(Enumerable.Range(0, messages).Select(i => i % 2 == 0 ? Role.User : Role.Assistant)));
        Assert.That(trace.Messages[1].Content, Does.Not.Contain("web_results"));
    }
}
