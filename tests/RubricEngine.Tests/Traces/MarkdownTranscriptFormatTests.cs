using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

public sealed class MarkdownTranscriptFormatTests
{
    [Test]
    public void Splits_on_role_headings_and_reads_front_matter()
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture("markdown/s4001_Dana_Roe.md"),
            new TraceReaderOptions { FileNamePattern = "{id}_{name}.md" });

        Assert.That(result.Errors, Is.Empty);
        var trace = result.Traces.Single();
        Assert.That(trace.Format, Is.EqualTo(TraceFormats.Markdown));
        Assert.That(trace.Assignment, Is.EqualTo("cs182-hw7"));
        Assert.That(trace.Model, Is.EqualTo("claude-sonnet"));
        Assert.That(trace.Student, Is.EqualTo(new Student("s4001", "Dana Roe")));
        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Assistant }));
        Assert.That(trace.Messages[0].Content, Is.EqualTo("Summarize the blog in about 100 words (4.b)."));
        // The file's layout is '## User' / '## Assistant': a level-3 '### ChatGPT' is a heading inside the answer.
        Assert.That(trace.Messages[1].Content, Does.EndWith("### ChatGPT\n\nA second assistant turn with a level-3 heading."));
    }

    [Test]
    public void A_role_heading_inside_a_code_fence_is_content()
    {
        var trace = TraceTestFiles.Read(TraceTestFiles.Fixture("markdown/s4001_Dana_Roe.md")).Traces.Single();

        Assert.That(trace.Messages[1].Content, Does.Contain("## User\nthis heading is inside a code block"));
    }

    [Test]
    public void Reads_bold_role_labels_with_crlf_line_endings()
    {
        var trace = TraceTestFiles.Read(TraceTestFiles.Fixture("markdown/bold-labels.md")).Traces.Single();

        Assert.That(trace.Messages.Select(m => (m.Role, m.Content)), Is.EqualTo(new[]
        {
            (Role.User, "What is 5.a?"),
            (Role.Assistant, "B, because\nthe others are wrong."),
            (Role.User, "thanks"),
        }));
    }

    [Test]
    public void A_markdown_file_without_role_headings_is_skipped_in_a_folder_but_an_error_when_named()
    {
        using var temp = new TempFolder();
        var notes = temp.Write("README.md", "# Notes\n\nNothing to grade here.\n");

        var walked = TraceTestFiles.Read(temp.Root);
        var named = TraceTestFiles.Read(notes);

        Assert.That(walked.Errors, Is.Empty);
        Assert.That(walked.Skipped.Select(s => s.File), Is.EqualTo(new[] { notes }));
        Assert.That(walked.Skipped.Single().Reason, Does.Contain("README"));
        Assert.That(named.Errors.Single().Reason, Does.StartWith("unrecognised Markdown layout: no role headings found"));
    }
}
