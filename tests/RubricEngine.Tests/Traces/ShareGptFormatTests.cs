using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

public sealed class ShareGptFormatTests
{
    [Test]
    public void Reads_an_array_of_conversations_mapping_from_to_roles()
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture("sharegpt/sharegpt.json"));

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Traces.Select(t => t.Id), Is.EqualTo(new[] { "sg-001", "sg-002" }));
        Assert.That(result.Traces[0].Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.System, Role.User, Role.Assistant }));
        Assert.That(result.Traces[1].Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Assistant }));
        Assert.That(result.Traces.Select(t => t.Format), Is.All.EqualTo(TraceFormats.ShareGpt));
    }

    [Test]
    public void Reads_one_conversation_per_line_of_jsonl()
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture("sharegpt/more.jsonl"));

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Traces.Select(t => t.Id), Is.EqualTo(new[] { "sg-101", "sg-102" }));
        Assert.That(result.Traces[1].Messages[1].Content, Is.EqualTo("See you."));
    }

    [Test]
    public void An_unknown_speaker_is_an_error_with_its_path()
    {
        using var temp = new TempFolder();
        var path = temp.Write("x.json", "{\"conversations\": [{\"from\": \"narrator\", \"value\": \"x\"}]}");

        var error = TraceTestFiles.Read(path).Errors.Single();

        Assert.That(error.JsonPath, Is.EqualTo("$.conversations[0].from"));
        Assert.That((error.Line, error.Column), Is.EqualTo((1, 29)));
    }
}
