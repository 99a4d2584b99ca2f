using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

public sealed class LeChatExportFormatTests
{
    [Test]
    public void Reads_a_per_chat_export_with_times_and_files()
    {
        var path = TraceTestFiles.Fixture("lechat/s3001-lechat.json");
        var result = TraceTestFiles.Read(path);

        Assert.That(result.Errors, Is.Empty);
        var trace = result.Traces.Single();
        Assert.That(trace.Format, Is.EqualTo(TraceFormats.LeChat));
        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Assistant, Role.User }));
        Assert.That(trace.Messages[1].Content, Is.EqualTo("The decoder inputs are `<sos> I see a dog`."));
        Assert.That(trace.Messages[1].Time, Is.EqualTo(new DateTimeOffset(2026, 3, 4, 9, 0, 4, 512, TimeSpan.Zero)));
        Assert.That(trace.Messages[2].Attachments.Single(), Is.EqualTo(new Attachment("notes.pdf", "application/pdf", null)));
    }

    [Test]
    public void Without_an_id_in_the_export_the_trace_id_comes_from_the_file()
    {
        var path = TraceTestFiles.Fixture("lechat/s3001-lechat.json");

        var trace = TraceTestFiles.Read(path).Traces.Single();

        Assert.That(trace.Id, Is.EqualTo(path.Replace('\\', '/')[..^".json".Length]));
        Assert.That(trace.Student.Id, Is.EqualTo("s3001-lechat"));
    }
}

/// <summary>
/// Issue 13, case 5: Le Chat exports as Le Chat writes them (Superkikim/nexus-ai-chat-importer lechat-types.ts, and
/// the real export in ../shared/real-traces): out of order, with chatId and contentChunks.
/// </summary>
public sealed class LeChatRealShapeTests
{
    private static readonly string Fixture = TraceTestFiles.Fixture("lechat/s3002/chat-9b1f6c2e-4d3a-4f7b-8e21-5a6c7d8e9f01.json");

    [Test]
    public void Messages_are_sorted_by_created_at_not_listed_order()
    {
        var trace = TraceTestFiles.Read(Fixture).Traces.Single();

        Assert.That(trace.Messages.Select(m => m.Time), Is.Ordered);
        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Assistant, Role.User, Role.Assistant, Role.User, Role.Assistant }));
        Assert.That(trace.Messages[0].Content, Does.StartWith("You are my teaching assistant"));
        Assert.That(trace.Messages[4].Content, Is.EqualTo("Is that a real saving for d = 64, N = 4096?"));
    }

    [Test]
    public void The_trace_id_is_the_chat_id_and_the_student_is_the_folder_of_a_chat_uuid_file()
    {
        var trace = TraceTestFiles.Read(Fixture).Traces.Single();

        Assert.That(trace.Id, Is.EqualTo("9b1f6c2e-4d3a-4f7b-8e21-5a6c7d8e9f01"));
        Assert.That(trace.Student.Id, Is.EqualTo("s3002"));
    }

    [Test]
    public void Content_chunks_are_joined_as_written_without_references_or_tool_calls()
    {
        var answer = TraceTestFiles.Read(Fixture).Traces.Single().Messages[3].Content;

        Assert.That(answer, Is.EqualTo("Kernelized attention replaces $\\exp(q^\\top k)$ with $\\phi(q)^\\top \\phi(k)$, so attention costs $O(N d^2)$ instead of $O(N^2 d)$. " +
            "The random-feature map of the Performer paper makes $\\phi$ an unbiased estimate of the softmax kernel.\n\n**Final answer:** linear in the sequence length N."));
    }

    [Test]
    public void A_message_of_only_chunks_is_read_from_the_chunks()
    {
        using var temp = new TempFolder();
        var path = temp.Write("chat.json", "[{\"role\":\"user\",\"content\":\"q\",\"createdAt\":\"2025-12-04T07:00:00Z\"}," +
            "{\"role\":\"assistant\",\"content\":\"\",\"contentChunks\":[{\"type\":\"text\",\"text\":\"4\"},{\"type\":\"reference\",\"referenceIds\":\"[1]\"},{\"type\":\"text\",\"text\":\"2.\"}],\"createdAt\":\"2025-12-04T07:00:01Z\"}]");

        Assert.That(TraceTestFiles.Read(path).Traces.Single().Messages[1].Content, Is.EqualTo("42."));
    }

    [Test]
    public void Image_and_document_files_get_mime_types_from_their_names()
    {
        var trace = TraceTestFiles.Read(Fixture).Traces.Single();

        Assert.That(trace.Messages[2].Attachments.Single(), Is.EqualTo(new Attachment("problem2.png", "image/png", null)));
        Assert.That(trace.Messages[4].Attachments.Single(), Is.EqualTo(new Attachment("performer.pdf", "application/pdf", null)));
    }

    [Test]
    public void The_real_le_chat_export_imports_its_20_messages_in_the_order_they_were_written()
    {
        var real = TraceTestFiles.RepoFile("..", "shared", "real-traces", "exports", "lechat-hw10.export.json");
        if (!File.Exists(real)) Assert.Ignore($"the real Le Chat export is not here ({real}); it lives in ../shared/real-traces beside the repository");

        var result = TraceTestFiles.Read(real);

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        var trace = result.Traces.Single();
        Assert.That(trace.Format, Is.EqualTo(TraceFormats.LeChat));
        Assert.That(trace.Messages, Has.Count.EqualTo(20));
        Assert.That(trace.Messages.Select(m => m.Time), Is.Ordered);
        Assert.That(trace.Messages[0].Role, Is.EqualTo(Role.User));
        Assert.That(trace.Messages[1].Role, Is.EqualTo(Role.Assistant));
        Assert.That(trace.Messages.Select(m => m.Content), Has.None.Contains("referenceIds").And.None.Contains("web_search"));
        Assert.That(trace.Id, Is.Not.Contains("/"), "the chatId, not the path");

        // The same session, curated by hand as rubric-trace/1 beside it: same roles in the same order, same answers.
        var curated = TraceTestFiles.Read(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(real))!, "cs182-hw10-lechat.json")).Traces.Single();
        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(curated.Messages.Select(m => m.Role)));
        Assert.That(trace.Messages.Where(m => m.Role == Role.Assistant).Select(m => m.Content.Trim()),
            Is.EqualTo(curated.Messages.Where(m => m.Role == Role.Assistant).Select(m => m.Content.Trim())));
    }
}
