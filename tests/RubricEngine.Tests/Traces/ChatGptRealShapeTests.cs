using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

/// <summary>
/// Issue 13, case 3: ChatGPT exports in the shapes documented by mitkury/chatgpt-export-parser,
/// xuy/docs-for-agents and pionxzh/chatgpt-exporter — voice mode, Canvas, citations, no current_node, tool calls.
/// </summary>
public sealed class ChatGptRealShapeTests
{
    private static Trace ReadOne(string fixture)
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture("chatgpt/" + fixture));
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        var trace = result.Traces.Single();
        Assert.That(trace.Format, Is.EqualTo(TraceFormats.ChatGpt));
        return trace;
    }

    [Test]
    public void Voice_mode_transcriptions_are_the_messages()
    {
        var trace = ReadOne("voice-mode.json");

        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Assistant }));
        Assert.That(trace.Messages[0].Content, Is.EqualTo("Why does dropout act like an ensemble of networks?"));
        Assert.That(trace.Messages[1].Content, Does.StartWith("Each training step samples a thinned sub-network"));
    }

    [Test]
    public void A_canvas_document_is_the_answer_not_a_tool_call_of_raw_json()
    {
        var trace = ReadOne("canvas.json");

        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Assistant }));
        var answer = trace.Messages[1].Content;
        Assert.That(answer, Does.StartWith("# Problem 4(b): summary\n\nThe post trains a ResNet-18 variant"));
        Assert.That(answer, Does.Not.Contain("\"content\"").And.Not.Contain("textdoc_id").And.Not.Contain("Successfully created"));
        Assert.That(answer, Does.EndWith("so you have room to add the GPU model if your grader wants it."), "the note after the canvas is the same reply");
    }

    [Test]
    public void Citation_markers_of_both_forms_are_removed_and_an_entity_keeps_its_name()
    {
        var answer = ReadOne("citations.json").Messages[1].Content;

        Assert.That(answer, Is.EqualTo("The DAWNBench entry the blog starts from trained in about 356 seconds on 8 V100 GPUs. " +
            "The blog's single-GPU run reached 94% in 341 s, and the original baseline took roughly 3 hours. The benchmark is run by Stanford DAWN."));
    }

    [Test]
    public void Without_current_node_the_newest_child_by_create_time_is_kept_not_the_last_listed()
    {
        var trace = ReadOne("no-current-node.json");

        Assert.That(trace.Messages.Select(m => m.Content), Is.EqualTo(new[] { "What is 17 × 23?", "17 × 23 = 391." }));
    }

    [Test]
    public void One_reply_split_around_a_tool_call_is_one_assistant_message()
    {
        var trace = ReadOne("tool-split-reply.json");

        Assert.That(trace.Messages.Count(m => m.Role == Role.Assistant), Is.EqualTo(1));
        var reply = trace.Messages.Single(m => m.Role == Role.Assistant);
        Assert.That(reply.Content, Is.EqualTo("Let me count the weights and biases layer by layer.\n\nThe MLP has **269,322** parameters: 200,960 + 65,792 + 2,570."));
        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Tool, Role.Tool, Role.Assistant }));
    }

    [TestCase("Chinese brackets 【not a citation】 stay.", "Chinese brackets 【not a citation】 stay.")]
    [TestCase("Two sources 【3:1†notes.md】【turn0search1】 here", "Two sources here")]
    [TestCase("unterminated \ue200cite\ue202turn0 text", "unterminated \ue200cite\ue202turn0 text")]
    public void Citation_removal_leaves_other_brackets_and_broken_markers_alone(string input, string expected)
    {
        using var temp = new TempFolder();
        var json = "[{\"id\":\"c1\",\"current_node\":\"b\",\"mapping\":{\"a\":{\"id\":\"a\",\"message\":{\"author\":{\"role\":\"user\"},\"content\":{\"content_type\":\"text\",\"parts\":[\"q\"]}},\"parent\":null,\"children\":[\"b\"]}," +
                   "\"b\":{\"id\":\"b\",\"message\":{\"author\":{\"role\":\"assistant\"},\"recipient\":\"all\",\"content\":{\"content_type\":\"text\",\"parts\":[" +
                   System.Text.Json.JsonSerializer.Serialize(input) + "]}},\"parent\":\"a\",\"children\":[]}}}]";
        var path = temp.Write("c.json", json);

        Assert.That(TraceTestFiles.Read(path).Traces.Single().Messages[1].Content, Is.EqualTo(expected));
    }
}
