using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

public sealed class CanonicalTraceWriterTests
{
    [TestCase("canonical/s1001_ana.json")]
    [TestCase("chatgpt/conversations.json")]
    [TestCase("claude/conversations.json")]
    [TestCase("markdown/s4001_Dana_Roe.md")]
    public void Writing_then_reading_gives_the_same_trace(string fixture)
    {
        using var temp = new TempFolder();
        foreach (var original in TraceTestFiles.Read(TraceTestFiles.Fixture(fixture)).Traces)
        {
            var path = temp.Write(Guid.NewGuid().ToString("N") + ".json", CanonicalTraceWriter.ToJson(original));

            var back = TraceTestFiles.Read(path);

            Assert.That(back.Errors, Is.Empty);
            var copy = back.Traces.Single();
            Assert.That(copy.Format, Is.EqualTo(TraceFormats.Canonical));
            Assert.That((copy.Id, copy.Assignment, copy.Student, copy.Model), Is.EqualTo((original.Id, original.Assignment, original.Student, original.Model)));
            Assert.That(copy.Sources, Is.EqualTo(original.Sources));
            Assert.That(copy.Messages.Count, Is.EqualTo(original.Messages.Count));
            for (var i = 0; i < copy.Messages.Count; i++)
            {
                var (a, b) = (copy.Messages[i], original.Messages[i]);
                Assert.That((a.Index, a.Role, a.Content, a.Time, a.Question), Is.EqualTo((b.Index, b.Role, b.Content, b.Time, b.Question)));
                Assert.That(a.Attachments, Is.EqualTo(b.Attachments));
                Assert.That(a.Annotations.Select(n => (n.Text, n.Quote, string.Join("|", n.Tags))),
                    Is.EqualTo(b.Annotations.Select(n => (n.Text, n.Quote, string.Join("|", n.Tags)))));
            }
        }
    }

    [Test]
    public void Output_is_stable_indented_and_keeps_latex_readable()
    {
        var trace = TraceTestFiles.Read(TraceTestFiles.Fixture("canonical/s1001_ana.json")).Traces.Single();

        var json = CanonicalTraceWriter.ToJson(trace);

        Assert.That(json, Is.EqualTo(CanonicalTraceWriter.ToJson(trace)));
        Assert.That(json, Does.StartWith("{\n  \"format\": \"rubric-trace/1\",\n  \"id\": \"hw7-s1001\",\n  \"assignment\": \"cs182-hw7\",\n  \"student\": {"));
        Assert.That(json, Does.Contain(@"\\|X - W_2 W_1 X\\|_F^2"));
        Assert.That(json, Does.Not.Contain("futureField"));
        Assert.That(json, Does.EndWith("}\n"));
    }
}
