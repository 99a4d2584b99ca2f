using RubricEngine.Tests.Cli;
using RubricEngine.Traces;
using RubricEngine.Traces.Notes;

namespace RubricEngine.Tests.Traces;

/// <summary>
/// The annotation convention for exports that cannot carry annotations (ChatGPT, Claude, Markdown…): a notes file
/// beside the trace, quotes copied from the rendered chat (issue 15).
/// </summary>
public sealed class StudentNotesTests : CliTestBase
{
    private const string Transcript = """
        # Chat export

        ## User

        Problem 4(b): summarize the blog post in about 100 words.

        ## Assistant

        **4(b) Summary.** The post shows how a ResNet-18-style network reaches 94% accuracy on CIFAR10 in 341 seconds
        on a single V100. Most of the gain comes from **mixed precision** and a larger batch size of 512.

        ## User

        Problem 5(a): which option is right? A, B, C or D?

        ## Assistant

        The answer is **B**.
        """;

    private const string Notes = """
        # My notes on the chat

        > Most of the gain comes from mixed precision
        > and a larger batch size of 512.
        I checked both figures against the blog.
        Tags: verified, figures

        > The answer is B
        Matches my own reasoning.

        > a sentence the assistant never wrote
        This one has a typo in the quote.
        """;

    [Test]
    public void A_notes_file_is_parsed_into_quotes_comments_and_tags()
    {
        var notes = NotesFile.Parse(Notes);

        Assert.That(notes, Has.Count.EqualTo(3));
        Assert.That(notes[0].Quote, Is.EqualTo("Most of the gain comes from mixed precision and a larger batch size of 512."));
        Assert.That(notes[0].Text, Is.EqualTo("I checked both figures against the blog."));
        Assert.That(notes[0].Tags, Is.EqualTo(new[] { "verified", "figures" }));
        Assert.That(notes[0].Line, Is.EqualTo(3));
        Assert.That(notes[2].Line, Is.EqualTo(11));
    }

    [Test]
    public void Notes_attach_to_the_message_they_quote_as_the_exact_text_of_that_message()
    {
        var folder = At("3031001");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "chat.md"), Transcript);
        File.WriteAllText(Path.Combine(folder, "chat.notes.md"), Notes);

        var result = new TraceReader().ReadFile(Path.Combine(folder, "chat.md"));

        var trace = result.Traces.Single();
        var first = trace.Messages[1].Annotations.Single();
        Assert.That(first.Quote, Is.EqualTo("Most of the gain comes from **mixed precision** and a larger batch size of 512."),
            "the message's own text, markup included, so the quote anchors to an exact excerpt");
        Assert.That(first.Tags, Does.Contain("verified"));
        Assert.That(trace.Messages[3].Annotations.Single().Quote, Is.EqualTo("The answer is **B"));
        Assert.That(result.Warnings.Single().ToString(), Does.Contain("chat.notes.md(11,1): warning: the quoted words \"a sentence the assistant never wrote\" are in no assistant message"));
    }

    [Test]
    public async Task Grading_a_folder_reads_the_notes_with_their_trace_and_never_as_a_trace()
    {
        var folder = At("traces", "3031001");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "chat.md"), Transcript);
        File.WriteAllText(Path.Combine(folder, "chat.notes.md"), Notes);
        var csv = At("g.csv");

        var result = await CliRun.Rubric("grade", Hw7Rubric, At("traces"), "--csv", csv, "--csv-format", "plain");

        Assert.That(result.Out, Does.Contain("chat.notes.md: note: skipped: the student's notes, read with the trace 'chat'"), result.ToString());
        Assert.That(result.Out, Does.Contain("chat.notes.md(11,1): warning:"));
        Assert.That(result.Console, Does.Contain("1 trace graded, 0 could not be graded"));
        Assert.That(FirstRowPoints(csv, "HW7-90 points"), Is.EqualTo(1), "every answer carries a note, so 'Answers annotated' passes");
    }

    [Test]
    public async Task A_notes_file_without_its_trace_is_flagged()
    {
        var folder = At("traces", "3031001");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "chat.md"), Transcript);
        File.WriteAllText(Path.Combine(folder, "chats.notes.md"), Notes);

        var result = await CliRun.Rubric("grade", Hw7Rubric, At("traces"), "--csv", At("g.csv"));

        Assert.That(result.Out, Does.Contain("chats.notes.md: warning: skipped: the student's notes, but no trace named 'chats.*' is beside them"), result.ToString());
    }
}
