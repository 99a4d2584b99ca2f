using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

/// <summary>
/// Issue 13, case 4: Claude.ai exports in the shape of Superkikim/nexus-ai-chat-importer's claude-types.ts —
/// artifacts and branches.
/// </summary>
public sealed class ClaudeRealShapeTests
{
    private static Trace ReadOne(string fixture)
    {
        var result = TraceTestFiles.Read(TraceTestFiles.Fixture(fixture));
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        var trace = result.Traces.Single();
        Assert.That(trace.Format, Is.EqualTo(TraceFormats.Claude));
        return trace;
    }

    [Test]
    public void An_artifact_document_is_part_of_the_answer_instead_of_the_placeholder()
    {
        var trace = ReadOne("claude/artifacts.json");

        var first = trace.Messages[1].Content;
        Assert.That(first, Does.StartWith("I'll write the derivation as a document.\n\n## 3(b)(i) First-order conditions"));
        Assert.That(first, Does.Contain(@"$\nabla_{W_1} L = -2 W_2^\top R X^\top = 0$"));
        Assert.That(first, Does.EndWith("The document above has both conditions."));
        Assert.That(trace.Messages.Select(m => m.Content), Has.None.Contains("isn’t yet supported"));
    }

    [Test]
    public void An_artifact_update_gives_the_updated_document()
    {
        var trace = ReadOne("claude/artifacts.json");

        Assert.That(trace.Messages[3].Content, Does.Contain(@"**Final answer:** both gradients vanish; with $XX^\top$ invertible, $W_2^\top W_2 W_1 = W_2^\top$."));
        Assert.That(trace.Messages[3].Content, Does.EndWith("Updated."));
    }

    [Test]
    public void Only_the_branch_ending_at_the_current_leaf_is_kept()
    {
        var trace = ReadOne("claude/branches.json");

        Assert.That(trace.Messages.Select(m => m.Content), Has.None.Contains("ABANDONED"));
        Assert.That(trace.Messages.Select(m => m.Content), Is.EqualTo(new[]
        {
            "Which options in 8(a) are true for a linear autoencoder?",
            "Options B and D.",
            "Explain why A is false.",
            "A is false: the encoder only spans the principal subspace; any invertible mixing gives the same loss.",
        }));
    }

    [Test]
    public void A_current_leaf_that_is_not_among_the_messages_is_an_error_naming_it()
    {
        using var temp = new TempFolder();
        var json = File.ReadAllText(TraceTestFiles.Fixture("claude/branches.json")).Replace("\"current_leaf_message_uuid\": \"", "\"current_leaf_message_uuid\": \"x");
        var path = temp.Write("conversations.json", json);

        var error = TraceTestFiles.Read(path).Errors.Single();

        Assert.That(error.JsonPath, Is.EqualTo("$[0].current_leaf_message_uuid"));
        Assert.That(error.Reason, Does.Contain("is not among chat_messages"));
    }

    [Test]
    public void Attachment_file_types_become_mime_types()
    {
        var trace = ReadOne("claude-export/s2002/conversations.json");

        Assert.That(trace.Messages[0].Attachments.Single().MediaType, Is.EqualTo("text/plain"));
        Assert.That(trace.Student.Id, Is.EqualTo("s2002"));
    }
}
