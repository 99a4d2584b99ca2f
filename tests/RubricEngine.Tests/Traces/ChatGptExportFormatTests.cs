using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

public sealed class ChatGptExportFormatTests
{
    private static IReadOnlyList<Trace> ReadExport()
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture("chatgpt/conversations.json"));
        Assert.That(result.Errors, Is.Empty);
        return result.Traces;
    }

    [Test]
    public void Each_conversation_becomes_a_trace_with_its_id()
    {
        var traces = ReadExport();

        Assert.That(traces.Select(t => t.Id), Is.EqualTo(new[] { "67c4d1a5-0d4c-8005-9a7e-2b1f3c4d5e6f", "67c4e2b6-1111-8005-aaaa-000000000002" }));
        Assert.That(traces.Select(t => t.Format), Is.All.EqualTo(TraceFormats.ChatGpt));
    }

    [Test]
    public void Follows_the_current_branch_and_drops_the_regenerated_one()
    {
        var messages = ReadExport()[0].Messages;

        Assert.That(messages.Select(m => m.Content), Has.None.Contains("DISCARDED BRANCH"));
        Assert.That(messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Assistant, Role.User, Role.Assistant }));
        Assert.That(messages[2].Content, Does.StartWith("Now show the principal components"));
        Assert.That(messages[3].Content, Does.Contain(@"$W_1 = U_k^\top$"));
    }

    [Test]
    public void Skips_hidden_system_nodes_null_messages_and_hidden_reasoning()
    {
        var messages = ReadExport()[0].Messages;

        Assert.That(messages.Select(m => m.Role), Has.None.EqualTo(Role.System));
        Assert.That(messages.Select(m => m.Content), Has.None.Contains("hidden reasoning"));
        Assert.That(messages.Select(m => m.Index), Is.EqualTo(new[] { 0, 1, 2, 3 }));
    }

    [Test]
    public void Keeps_string_parts_skips_image_parts_and_keeps_attachment_names()
    {
        var first = ReadExport()[0].Messages[0];

        Assert.That(first.Content, Does.StartWith("Derive the first-order optimality conditions"));
        Assert.That(first.Content, Does.Not.Contain("asset_pointer"));
        Assert.That(first.Attachments.Single(), Is.EqualTo(new Attachment("hw7-p3.png", "image/png", null)));
    }

    [Test]
    public void Keeps_fractional_unix_create_time_and_the_model_of_the_last_answer()
    {
        var trace = ReadExport()[0];

        Assert.That(trace.Messages[2].Time, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1772485520750)));
        Assert.That(trace.Model, Is.EqualTo("o3"));
    }

    [Test]
    public void A_broken_conversation_is_an_error_and_its_siblings_still_read()
    {
        using var temp = new TempFolder();
        var json = File.ReadAllText(TraceTestFiles.Fixture("chatgpt/conversations.json"))
            .Replace("\"current_node\": \"m2\"", "\"current_node\": \"nowhere\"");
        var path = temp.Write("conversations.json", json);

        var result = TraceTestFiles.Read(path);

        Assert.That(result.Traces, Has.Count.EqualTo(1));
        var error = result.Errors.Single();
        Assert.That(error.Reason, Is.EqualTo("node 'nowhere' is not in the mapping"));
        Assert.That(error.JsonPath, Is.EqualTo("$[1].current_node"));
        Assert.That(error.Line, Is.Not.Null);
    }
}
