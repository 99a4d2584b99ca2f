using System.Text;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

public sealed class TraceReaderRobustnessTests
{
    private static string Canonical(string id, string content = "hi") =>
        $"{{\"format\": \"rubric-trace/1\", \"id\": \"{id}\", \"student\": {{\"id\": \"{id}\"}}, \"messages\": [{{\"role\": \"user\", \"content\": \"{content}\"}}]}}";

    [Test]
    public void A_file_over_the_size_limit_is_refused_with_both_sizes_and_reads_under_a_raised_limit()
    {
        using var temp = new TempFolder();
        const int messageLength = 50 * 1024 * 1024;
        var path = Path.Combine(temp.Root, "big.json");
        // Streamed to disk in chunks: building a 50 MB string here would cost more than the read under test.
        using (var file = File.Create(path))
        {
            var (head, tail) = Canonical("big", "|").Split('|') switch { var parts => (parts[0], parts[1]) };
            file.Write(Encoding.UTF8.GetBytes(head));
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1024 * 1024));
            for (var written = 0; written < messageLength; written += chunk.Length) file.Write(chunk);
            file.Write(Encoding.UTF8.GetBytes(tail));
        }

        var refused = TraceTestFiles.Read(path);
        var raised = TraceTestFiles.Read(path, new TraceReaderOptions { MaxFileBytes = 64L * 1024 * 1024 });

        Assert.That(refused.Traces, Is.Empty);
        Assert.That(refused.Errors.Single().Reason, Does.Contain("50.0 MB (52,428,9").And.Contain("over the limit of 32.0 MB (33,554,432 bytes)"));
        Assert.That(raised.Errors, Is.Empty);
        Assert.That(raised.Traces.Single().Messages[0].Content, Has.Length.EqualTo(messageLength));
    }

    [Test]
    public void Invalid_utf8_names_the_byte_offset()
    {
        using var temp = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes(Canonical("bad", "caf\u00e9 ok"));
        var offset = Array.IndexOf(bytes, (byte)0xC3);
        bytes[offset + 1] = 0x28; // é becomes an invalid two-byte sequence
        var path = temp.Write("bad.json", bytes);

        var error = TraceTestFiles.Read(path).Errors.Single();

        Assert.That(error.Reason, Does.StartWith($"invalid UTF-8 at byte offset {offset} "));
        Assert.That(error.Line, Is.EqualTo(1));
    }

    [Test]
    public void A_utf16_file_gets_a_clear_encoding_error()
    {
        using var temp = new TempFolder();
        var path = temp.Write("u16.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Canonical("u"))]);

        Assert.That(TraceTestFiles.Read(path).Errors.Single().Reason, Does.Contain("UTF-16"));
    }

    [TestCase("")]
    [TestCase("  \r\n\t\n")]
    [TestCase("\uFEFF")]
    public void An_empty_file_is_an_error(string content)
    {
        using var temp = new TempFolder();
        var path = temp.Write("empty.json", content);

        Assert.That(TraceTestFiles.Read(path).Errors.Single().Reason, Is.EqualTo("the file is empty"));
    }

    [Test]
    public void A_bom_and_crlf_line_endings_are_fine()
    {
        using var temp = new TempFolder();
        var path = temp.Write("bom.json", "\uFEFF" + Canonical("bom").Replace(", ", ",\r\n"));

        var result = TraceTestFiles.Read(path);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Traces.Single().Id, Is.EqualTo("bom"));
    }

    [Test]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        using var temp = new TempFolder();
        var path = temp.Write("deep.json", new string('[', 100_000) + new string(']', 100_000));

        var error = TraceTestFiles.Read(path).Errors.Single();

        Assert.That(error.Reason, Is.EqualTo("the JSON is nested deeper than the limit of 256 levels"));
        Assert.That((error.Line, error.Column), Is.EqualTo((1, 257)));
    }

    [Test]
    public void Duplicate_trace_ids_are_errors_on_every_later_file_naming_the_first()
    {
        using var temp = new TempFolder();
        var first = temp.Write("a.json", Canonical("same"));
        temp.Write("b.json", Canonical("same"));
        var third = temp.Write("c.json", Canonical("same"));

        var result = TraceTestFiles.Read(temp.Root);

        Assert.That(result.Traces.Single().File, Is.EqualTo(first));
        Assert.That(result.Errors, Has.Count.EqualTo(2));
        Assert.That(result.Errors.Select(e => e.Reason), Is.All.EqualTo($"duplicate trace id 'same': already used by {first}; this copy is not graded"));
        Assert.That(result.Errors[1].File, Is.EqualTo(third));
        Assert.That(result.Errors[1].JsonPath, Is.EqualTo("$.id"));
    }

    [Test]
    public void One_bad_file_does_not_stop_the_others_and_folders_read_in_ordinal_order()
    {
        using var temp = new TempFolder();
        temp.Write("b/2.json", Canonical("t2"));
        temp.Write("a/z.json", Canonical("t1"));
        temp.Write("B/0.json", "{\"format\": \"rubric-trace/1\", \"id\": ");
        temp.Write("b/1.json", "[1, 2");
        temp.Write("b/3.json", Canonical("t3"));
        temp.Write("b/photo.png", [0x89, 0x50, 0x4E, 0x47]);

        var result = TraceTestFiles.Read(temp.Root);

        Assert.That(result.Traces.Select(t => t.Id), Is.EqualTo(new[] { "t1", "t2", "t3" }));
        Assert.That(result.Errors.Select(e => Path.GetRelativePath(temp.Root, e.File).Replace('\\', '/')), Is.EqualTo(new[] { "B/0.json", "b/1.json" }));
        Assert.That(result.Skipped.Select(s => Path.GetFileName(s.File)), Is.EqualTo(new[] { "photo.png" }));
    }

    [Test]
    public void A_missing_path_is_an_error_not_an_exception()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Root, "nope.json");

        var error = TraceTestFiles.Read(missing).Errors.Single();

        Assert.That(error, Is.EqualTo(new TraceError(missing, "no such file or folder")));
    }

    [Test]
    public void Reading_the_listed_files_one_at_a_time_gives_what_Read_gives()
    {
        using var temp = new TempFolder();
        temp.Write("1.json", Canonical("x1"));
        temp.Write("2.json", "{");
        temp.Write("3.json", Canonical("x1"));
        var reader = new TraceReader();

        // What a bulk run does: list once, read each file on its own, claim ids across files in order.
        var source = new FileTraceSource(reader, [temp.Root]);
        var ids = new TraceIdRegistry();
        var traces = new List<string>();
        var errors = new List<(string, string)>();
        foreach (var file in source.Files)
        {
            var content = source.Read(file);
            errors.AddRange(content.Errors.Select(e => (e.File, e.Reason)));
            foreach (var trace in content.Traces)
                if (ids.Claim(trace.Id, trace.File) is { } duplicate) errors.Add((trace.File, duplicate));
                else traces.Add(trace.Id);
        }
        var read = reader.Read([temp.Root]);

        Assert.That(traces, Is.EqualTo(read.Traces.Select(t => t.Id)));
        Assert.That(errors, Is.EqualTo(read.Errors.Select(e => (e.File, e.Reason))));
        Assert.That(errors, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_linked_folder_pointing_back_up_is_not_walked_twice()
    {
        using var temp = new TempFolder();
        temp.Write("a/x.json", Canonical("once"));
        try { Directory.CreateSymbolicLink(Path.Combine(temp.Root, "a", "loop"), temp.Root); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Assert.Ignore("symbolic links are not allowed here"); }

        var result = TraceTestFiles.Read(temp.Root);

        Assert.That(result.Traces.Select(t => t.Id), Is.EqualTo(new[] { "once" }));
        Assert.That(result.Errors, Is.Empty);
    }
}
