using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

/// <summary>Issue 13, case 8: exporters' default file names say nothing about the student; the folder does.</summary>
public sealed class ExportNameIdentityTests
{
    [TestCase("identity/s8001/claude_conversation.json", "s8001")]
    [TestCase("identity/s8002/ChatGPT-Derivation of the attention gradient.md", "s8002")]
    [TestCase("lechat/s3002/chat-9b1f6c2e-4d3a-4f7b-8e21-5a6c7d8e9f01.json", "s3002")]
    [TestCase("gemini/s6001/MyActivity.json", "s6001")]
    [TestCase("chatgpt-export/s1002/conversations.json", "s1002")]
    public void A_default_export_name_takes_the_student_from_its_folder(string fixture, string student)
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture(fixture));

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        Assert.That(result.Traces.Select(t => t.Student.Id), Is.All.EqualTo(student));
    }

    [TestCase("chatgpt-said-headings.md", "chatgpt-said-headings")]
    [TestCase("chat-notes.md", "chat-notes")]
    [TestCase("claude-emoji-bold.md", "claude-emoji-bold")]
    public void A_name_that_only_looks_like_an_export_name_is_the_student(string name, string student)
    {
        using var temp = new TempFolder();
        var path = temp.Write("folder/" + name, "## User\n\nq\n\n## Assistant\n\na\n");

        Assert.That(TraceTestFiles.Read(path).Traces.Single().Student.Id, Is.EqualTo(student));
    }
}

/// <summary>The format registry: one class per format, each documented in the import table.</summary>
public sealed class TraceFormatRegistryTests
{
    [Test]
    public void The_import_table_of_the_traces_readme_lists_every_format()
    {
        var readme = File.ReadAllText(TraceTestFiles.RepoFile("engine", "RubricEngine", "Traces", "README.md"));

        foreach (var format in TraceFormats.All)
            Assert.That(readme, Does.Contain($"| `{format}` ("), $"{format} has a row in the import table");
    }

    [Test]
    public void Every_format_can_be_forced_by_name()
    {
        foreach (var format in TraceFormats.All)
            Assert.DoesNotThrow(() => _ = new TraceReader(new TraceReaderOptions { Format = format }), format);
        Assert.That(() => new TraceReader(new TraceReaderOptions { Format = "nope" }),
            Throws.ArgumentException.With.Message.Contains(string.Join(", ", TraceFormats.All)));
    }
}
