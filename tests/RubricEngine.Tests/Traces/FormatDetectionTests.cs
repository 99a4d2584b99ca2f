using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

public sealed class FormatDetectionTests
{
    [TestCase("canonical/s1001_ana.json", TraceFormats.Canonical)]
    [TestCase("chatgpt/conversations.json", TraceFormats.ChatGpt)]
    [TestCase("claude/conversations.json", TraceFormats.Claude)]
    [TestCase("lechat/s3001-lechat.json", TraceFormats.LeChat)]
    [TestCase("sharegpt/sharegpt.json", TraceFormats.ShareGpt)]
    [TestCase("markdown/bold-labels.md", TraceFormats.Markdown)]
    [TestCase("gemini/s6001/MyActivity.json", TraceFormats.Gemini)]
    [TestCase("grok-export/s9101/prod-grok-backend.json", TraceFormats.Grok)]
    [TestCase("perplexity/label-smoothing.json", TraceFormats.Perplexity)]
    [TestCase("perplexity/weight-decay.json", TraceFormats.Perplexity)]
    [TestCase("openai/finetune-chat.jsonl", TraceFormats.OpenAiChat)]
    [TestCase("lechat/s3002/chat-9b1f6c2e-4d3a-4f7b-8e21-5a6c7d8e9f01.json", TraceFormats.LeChat)]
    [TestCase("markdown/chatgpt-said-plain.txt", TraceFormats.Markdown)]
    public void Detects_the_format_from_content_whatever_the_extension(string fixture, string format)
    {
        using var temp = new TempFolder();
        var renamed = temp.Write("export.txt", File.ReadAllBytes(TraceTestFiles.Fixture(fixture)));

        var result = TraceTestFiles.Read(renamed);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Traces, Is.Not.Empty);
        Assert.That(result.Traces.Select(t => t.Format), Is.All.EqualTo(format));
    }

    [Test]
    public void A_json_file_holding_json_lines_is_read_line_by_line()
    {
        using var temp = new TempFolder();
        var path = temp.Write("lines.json", File.ReadAllText(TraceTestFiles.Fixture("sharegpt/more.jsonl")));

        var result = TraceTestFiles.Read(path);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Traces.Select(t => t.Id), Is.EqualTo(new[] { "sg-101", "sg-102" }));
    }

    [TestCase("{\n  \"id\": \"sg-201\",\n  \"conversations\": [{\"from\": \"human\", \"value\": \"Hi\"}, {\"from\": \"gpt\", \"value\": \"Hello!\"}]\n}\n")]
    [TestCase("{\"id\": \"sg-201\",\n \"conversations\": [{\"from\": \"human\", \"value\": \"Hi\"}, {\"from\": \"gpt\", \"value\": \"Hello!\"}]}")]
    [TestCase("{\"id\": \"sg-201\", \"conversations\": [\n{\"from\": \"human\", \"value\": \"Hi\"}, {\"from\": \"gpt\", \"value\": \"Hello!\"}]}")]
    public void A_json_file_whose_first_line_is_not_a_whole_value_is_one_document(string json)
    {
        using var temp = new TempFolder();
        var path = temp.Write("pretty.json", json);

        var result = TraceTestFiles.Read(path);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Traces.Select(t => t.Id), Is.EqualTo(new[] { "sg-201" }));
    }

    [Test]
    public void A_json_lines_file_whose_first_line_is_broken_is_read_as_one_document_and_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("broken.json", "{\"id\": \"sg-301\", oops}\n{\"id\": \"sg-302\", \"conversations\": []}\n");

        var result = TraceTestFiles.Read(path);

        Assert.That(result.Traces, Is.Empty);
        Assert.That(result.Errors, Has.Count.EqualTo(1));
    }

    [Test]
    public void Unrecognised_json_and_empty_exports_say_what_was_expected()
    {
        using var temp = new TempFolder();
        var other = temp.Write("other.json", "{\"hello\": 1}");
        var empty = temp.Write("empty-export.json", "[]");

        var errors = new TraceReader().Read([other, empty]).Errors;

        Assert.That(errors[0].Reason, Does.StartWith("not a recognised trace format: an object without"));
        Assert.That(errors[1].Reason, Is.EqualTo("the export holds no conversations (empty array)"));
    }

    [Test]
    public void A_forced_format_skips_detection()
    {
        using var temp = new TempFolder();
        var path = temp.Write("x.json", "[{\"role\": \"user\", \"content\": \"hi\"}]");

        var forced = TraceTestFiles.Read(path, new TraceReaderOptions { Format = "sharegpt" });

        Assert.That(forced.Errors.Single().Reason, Is.EqualTo("required field 'conversations' is missing"));
        Assert.Throws<ArgumentException>(() => _ = new TraceReader(new TraceReaderOptions { Format = "bard" }));
    }
}
