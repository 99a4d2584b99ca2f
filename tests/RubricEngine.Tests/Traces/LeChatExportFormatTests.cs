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
