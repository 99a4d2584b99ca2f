using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

public sealed class ClaudeExportFormatTests
{
    private static Trace ReadExport()
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture("claude/conversations.json"));
        Assert.That(result.Errors, Is.Empty);
        return result.Traces.Single();
    }

    [Test]
    public void Reads_the_conversation_with_uuid_roles_and_times()
    {
        var trace = ReadExport();

        Assert.That(trace.Id, Is.EqualTo("4f1c2b7e-8a3d-4e5f-9b0c-1d2e3f4a5b6c"));
        Assert.That(trace.Format, Is.EqualTo(TraceFormats.Claude));
        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Assistant, Role.User }));
        Assert.That(trace.Messages[1].Time, Is.EqualTo(new DateTimeOffset(2026, 3, 3, 18, 2, 30, TimeSpan.Zero)));
    }

    [Test]
    public void Prefers_text_content_blocks_over_the_flat_text()
    {
        var answer = ReadExport().Messages[1];

        Assert.That(answer.Content, Is.EqualTo("The blog reports 94% test accuracy in 341 s on one V100.\n\nThe previous record was 35 minutes on 8 V100s."));
    }

    [Test]
    public void Falls_back_to_text_without_content_blocks()
    {
        Assert.That(ReadExport().Messages[2].Content, Is.EqualTo("Thanks! Now 100 words please."));
    }

    [Test]
    public void Keeps_attachment_with_extracted_text_once()
    {
        var attachment = ReadExport().Messages[0].Attachments.Single();

        Assert.That(attachment, Is.EqualTo(new Attachment("resnet-blog.md", "text/markdown", "Training to 94% test accuracy took 341 s on one V100.")));
    }
}
