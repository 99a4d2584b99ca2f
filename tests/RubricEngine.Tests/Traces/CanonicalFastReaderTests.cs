using System.Text;
using System.Text.Json;
using RubricEngine.Tests.Performance;
using RubricEngine.Traces;
using RubricEngine.Traces.Formats;

namespace RubricEngine.Tests.Traces;

/// <summary>
/// The one-pass canonical reader must be invisible: for every input the reader gives the same traces (every field,
/// file and format) and the same errors with the fast path on as with it off, and it must actually take the
/// fast path for ordinary canonical files (else it is dead weight).
/// </summary>
public sealed class CanonicalFastReaderTests
{
    private const string Head = "\"format\": \"rubric-trace/1\", \"id\": \"t1\", \"student\": {\"id\": \"s1\"}";

    private static string Trace(string messages, string extra = "") => $"{{{Head}{extra}, \"messages\": [{messages}]}}";

    private static string Message(string fields) => $"{{\"role\": \"assistant\", \"content\": \"hi\"{fields}}}";

    [Test]
    public void Every_sample_trace_and_fixture_reads_the_same_on_both_paths()
    {
        AssertSameOnBothPaths([Hw7Example.Traces]);
        AssertSameOnBothPaths([TraceTestFiles.Fixture("")]);
        AssertSameOnBothPaths([TraceTestFiles.Fixture("")], new TraceReaderOptions { FileNamePattern = "{id}_{name}.json" });
    }

    [Test]
    public void Generated_hw7_traces_take_the_fast_path_and_read_the_same_on_both_paths()
    {
        using var temp = new TempFolder();
        var generator = new Hw7TraceGenerator(File.ReadAllText(Path.Combine(Hw7Example.Folder, "sources", "resnet-blog.md")));
        generator.WriteCorpus(Path.Combine(temp.Root, "a"), 120, seed: 182);
        generator.WriteCorpus(Path.Combine(temp.Root, "b"), 60, seed: 5);

        foreach (var file in Directory.GetFiles(temp.Root, "*.json", SearchOption.AllDirectories))
            Assert.That(CanonicalFastReader.TryRead(File.ReadAllBytes(file), 256), Is.Not.Null, $"{file} takes the fast path");
        var count = AssertSameOnBothPaths([temp.Root]);
        Assert.That(count, Is.EqualTo(180));
    }

    /// <summary>Valid canonical files in every shape the schema allows: the fast path must take them.</summary>
    private static IEnumerable<TestCaseData> Handled()
    {
        TestCaseData Case(string name, string json) => new TestCaseData(json).SetName("Handled: " + name);
        yield return Case("minimal", Trace(Message("")));
        yield return Case("no messages", Trace(""));
        yield return Case("escapes", Trace("{\"role\": \"user\", \"content\": \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t \\u00e9 \\u4e2d \\u0041\"}"));
        yield return Case("surrogate pair escape", Trace(Message(", \"question\": \"\\ud83d\\ude00 3.b.i\"")));
        yield return Case("raw UTF-8", Trace("{\"role\": \"user\", \"content\": \"é 中 😀 $\\\\alpha$\"}"));
        yield return Case("escaped property names", "{\"form\\u0061t\": \"rubric-trace/1\", \"\\u0069d\": \"t1\", \"student\": {\"id\": \"s1\"}, \"messages\": []}");
        yield return Case("all optional fields", Trace(Message(
            ", \"question\": \"4.a\", \"time\": \"2026-03-02T21:14:05+02:00\", " +
            "\"attachments\": [{\"name\": \"a.md\", \"mediaType\": \"text/markdown\", \"text\": \"341 s\"}, {\"name\": \"b.png\"}], " +
            "\"annotations\": [{\"text\": \"ok\", \"quote\": \"hi\", \"tags\": [\"verified\", \"x\"]}, {\"text\": \"plain\"}]"),
            ", \"assignment\": \"hw7\", \"model\": \"gpt-4o\", \"sources\": [{\"id\": \"blog\", \"title\": \"T\", \"text\": \"94%\"}, {\"id\": \"b2\", \"text\": \"x\"}]"));
        yield return Case("nulls as absent", Trace(Message(
            ", \"question\": null, \"time\": null, \"attachments\": null, \"annotations\": [{\"text\": \"t\", \"quote\": null, \"tags\": null}]"),
            ", \"assignment\": null, \"model\": null, \"sources\": null"));
        yield return Case("null fields inside", Trace(Message(", \"attachments\": [{\"name\": \"n\", \"mediaType\": null, \"text\": null}]"),
            ", \"sources\": [{\"id\": \"s\", \"title\": null, \"text\": \"x\"}]"));
        yield return Case("student with name and email", "{\"format\": \"rubric-trace/1\", \"id\": \"t1\", \"student\": {\"id\": \"s1\", \"name\": \"Ana\", \"email\": \"a@x.edu\"}, \"messages\": []}");
        yield return Case("unknown fields of every kind", Trace(Message(", \"x\": {\"a\": [1, {\"b\": null}], \"id\": 3}, \"y\": [true, false], \"role2\": 1.5e3"),
            ", \"futureField\": {\"format\": 1, \"messages\": \"no\"}, \"student2\": null"));
        yield return Case("duplicate unknown fields", Trace(Message(", \"x\": 1, \"x\": \"two\""), ", \"z\": 1, \"z\": 2"));
        yield return Case("comments and trailing commas", "// header\n{\"format\": \"rubric-trace/1\", /* c */ \"id\": \"t1\", \"student\": {\"id\": \"s1\",},\n \"messages\": [{\"role\": \"user\", \"content\": \"x\",},],}\n");
        yield return Case("CRLF and trailing whitespace", Trace(Message("")).Replace(", ", ",\r\n  ") + "\r\n\r\n  \t");
        yield return Case("time formats", Trace(Message(", \"time\": \"2026-03-02\"") + "," + Message(", \"time\": \" 2026-03-02T21:14:05.1234567Z \"")));
        yield return Case("every role", Trace("{\"role\": \"user\", \"content\": \"\"},{\"role\": \"system\", \"content\": \"s\"},{\"role\": \"tool\", \"content\": \"t\"}"));
        yield return Case("student without id (error from the reader)", "{\"format\": \"rubric-trace/1\", \"id\": \"t1\", \"student\": {\"name\": \"Ana\"}, \"messages\": []}");
        yield return Case("no student (error from the reader)", "{\"format\": \"rubric-trace/1\", \"id\": \"t1\", \"messages\": []}");
        yield return Case("student null", "{\"format\": \"rubric-trace/1\", \"id\": \"t1\", \"student\": null, \"messages\": []}");
        yield return Case("fields in another order", "{\"messages\": [{\"content\": \"c\", \"role\": \"user\"}], \"student\": {\"id\": \"s\"}, \"id\": \" t1 \", \"format\": \"rubric-trace/1\"}");
    }

    /// <summary>Everything unusual: the fast path must give up and leave the result, or the error, to the full reader.</summary>
    private static IEnumerable<TestCaseData> NotHandled()
    {
        TestCaseData Case(string name, string json) => new TestCaseData(json).SetName("Not handled: " + name);
        yield return Case("lone surrogate escape", Trace("{\"role\": \"user\", \"content\": \"cut \\ud83d emoji\"}"));
        yield return Case("lone low surrogate in a tag", Trace(Message(", \"annotations\": [{\"text\": \"t\", \"tags\": [\"\\udc00\"]}]")));
        yield return Case("duplicate id", "{\"format\": \"rubric-trace/1\", \"id\": \"a\", \"id\": \"b\", \"student\": {\"id\": \"s\"}, \"messages\": []}");
        yield return Case("duplicate format", "{\"format\": \"x\", \"format\": \"rubric-trace/1\", \"id\": \"a\", \"student\": {\"id\": \"s\"}, \"messages\": []}");
        yield return Case("duplicate role", Trace("{\"role\": \"user\", \"role\": \"assistant\", \"content\": \"c\"}"));
        yield return Case("duplicate student id", "{\"format\": \"rubric-trace/1\", \"id\": \"a\", \"student\": {\"id\": \"s\", \"id\": \"t\"}, \"messages\": []}");
        yield return Case("duplicate messages", $"{{{Head}, \"messages\": [], \"messages\": [{Message("")}]}}");
        yield return Case("number for a string", Trace("{\"role\": 7, \"content\": \"c\"}"));
        yield return Case("number for content", Trace("{\"role\": \"user\", \"content\": 12}"));
        yield return Case("number for the time", Trace(Message(", \"time\": 1700000000")));
        yield return Case("bad time", Trace(Message(", \"time\": \"yesterday\"")));
        yield return Case("unknown role", Trace("{\"role\": \"User\", \"content\": \"c\"}"));
        yield return Case("missing content", Trace("{\"role\": \"user\"}"));
        yield return Case("null content", Trace("{\"role\": \"user\", \"content\": null}"));
        yield return Case("missing role", Trace("{\"content\": \"c\"}"));
        yield return Case("message not an object", Trace("\"hello\""));
        yield return Case("messages not an array", $"{{{Head}, \"messages\": {{}}}}");
        yield return Case("missing messages", $"{{{Head}}}");
        yield return Case("other version", "{\"format\": \"rubric-trace/2\", \"id\": \"a\", \"student\": {\"id\": \"s\"}, \"messages\": []}");
        yield return Case("format not a string", "{\"format\": 1, \"id\": \"a\", \"student\": {\"id\": \"s\"}, \"messages\": []}");
        yield return Case("not canonical at all", "{\"format\": \"chat\", \"conversations\": [{\"from\": \"human\", \"value\": \"hi\"}]}");
        yield return Case("empty id", "{\"format\": \"rubric-trace/1\", \"id\": \" \\t\", \"student\": {\"id\": \"s\"}, \"messages\": []}");
        yield return Case("id a number", "{\"format\": \"rubric-trace/1\", \"id\": 5, \"student\": {\"id\": \"s\"}, \"messages\": []}");
        yield return Case("student a string", "{\"format\": \"rubric-trace/1\", \"id\": \"a\", \"student\": \"s\", \"messages\": []}");
        yield return Case("student id a number", "{\"format\": \"rubric-trace/1\", \"id\": \"a\", \"student\": {\"id\": 5}, \"messages\": []}");
        yield return Case("source without text", Trace("", ", \"sources\": [{\"id\": \"s\"}]"));
        yield return Case("attachment without name", Trace(Message(", \"attachments\": [{\"text\": \"t\"}]")));
        yield return Case("annotation without text", Trace(Message(", \"annotations\": [{\"quote\": \"q\"}]")));
        yield return Case("null tag", Trace(Message(", \"annotations\": [{\"text\": \"t\", \"tags\": [null]}]")));
        yield return Case("comment after the root", Trace(Message("")) + "\n// done");
        yield return Case("JSON Lines in a .json file", Trace(Message("")) + "\n" + Trace(Message("")).Replace("\"t1\"", "\"t2\""));
        yield return Case("truncated", Trace(Message(""))[..^5]);
        yield return Case("invalid JSON", Trace(Message("")).Replace("\"role\":", "role:"));
        yield return Case("array root", "[" + Trace(Message("")) + "]");
        yield return Case("nested too deep", Trace(Message(", \"x\": " + new string('[', 300) + new string(']', 300))));
    }

    [TestCaseSource(nameof(Handled))]
    public void Valid_canonical_files_take_the_fast_path_and_read_the_same(string json)
    {
        Assert.That(CanonicalFastReader.TryRead(Encoding.UTF8.GetBytes(json), 256), Is.Not.Null);
        AssertSameForText(json);
    }

    [TestCaseSource(nameof(NotHandled))]
    public void Unusual_files_are_left_to_the_full_reader_with_the_same_result(string json)
    {
        Assert.That(CanonicalFastReader.TryRead(Encoding.UTF8.GetBytes(json), 256), Is.Null);
        AssertSameForText(json);
    }

    [Test]
    public void A_BOM_an_option_assignment_a_roster_pattern_and_duplicate_ids_across_files_are_the_same_on_both_paths()
    {
        using var temp = new TempFolder();
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Trace(Message("")))).ToArray();
        temp.Write("a/s1_Ana_Lopez.json", bom);
        temp.Write("b/s2_Bo_Chen.json", "{\"format\": \"rubric-trace/1\", \"id\": \"t2\", \"messages\": []}");
        temp.Write("c/s3_Cy.json", Trace(Message(""))); // id t1 again: a duplicate across files
        temp.Write("d/notes.txt", "{\"format\": \"rubric-trace/1\", \"id\": \"t4\", \"student\": {\"id\": \"s4\"}, \"messages\": []}");
        var options = new TraceReaderOptions { FileNamePattern = "{id}_{name}.json", Assignment = "hw7" };
        AssertSameOnBothPaths([temp.Root], options);
        AssertSameOnBothPaths([temp.Root]);
        AssertSameOnBothPaths([temp.Root], options with { Format = TraceFormats.Canonical });
        AssertSameOnBothPaths([temp.Root], options with { Format = TraceFormats.ShareGpt });
    }

    [Test]
    public void Random_mutations_of_a_canonical_file_read_the_same_on_both_paths()
    {
        // Seeded: each mutation deletes, duplicates or inserts a JSON-significant character somewhere.
        var original = File.ReadAllText(TraceTestFiles.Fixture(Path.Combine("canonical", "s1001_ana.json")));
        const string inserts = "{}[]\",:\\ 0nu/*\n";
        var random = new Random(182);
        using var temp = new TempFolder();
        for (var i = 0; i < 300; i++)
        {
            var text = new StringBuilder(original);
            for (var edits = random.Next(1, 3); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text.Remove(at, 1); break;
                    case 1: text.Insert(at, text[at]); break;
                    default: text.Insert(at, inserts[random.Next(inserts.Length)]); break;
                }
            }
            temp.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"m{i:000}.json"), text.ToString());
        }
        AssertSameOnBothPaths([temp.Root]);
    }

    private static void AssertSameForText(string json)
    {
        using var temp = new TempFolder();
        temp.Write("s1_Ana.json", json);
        AssertSameOnBothPaths([temp.Root]);
        AssertSameOnBothPaths([temp.Root], new TraceReaderOptions { FileNamePattern = "{id}_{name}.json" });
    }

    /// <summary>Reads with the fast path on and off and compares every trace field by field and every error; returns the trace count.</summary>
    private static int AssertSameOnBothPaths(string[] paths, TraceReaderOptions? options = null)
    {
        var fast = new TraceReader(options).Read(paths);
        var full = new TraceReader(options) { FastCanonical = false }.Read(paths);
        Assert.That(Describe(fast), Is.EqualTo(Describe(full)));
        return fast.Traces.Count;
    }

    private static string Describe(TraceReadResult result)
    {
        var sb = new StringBuilder();
        // Serialized structurally: the lists inside the records compare by reference, the JSON by content.
        foreach (var trace in result.Traces) sb.AppendLine(JsonSerializer.Serialize(trace));
        foreach (var error in result.Errors) sb.AppendLine(error.ToString());
        foreach (var skipped in result.Skipped) sb.AppendLine("skipped " + skipped);
        return sb.ToString();
    }
}
