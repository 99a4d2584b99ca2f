using System.Text;
using System.Text.Json;

namespace RubricEngine.Tests.Reliability;

/// <summary>What the grader must do with a hostile file: grade it, or refuse it with a clear reason.</summary>
public enum Expect
{
    /// <summary>Every trace in the file is graded (one CSV row per trace).</summary>
    Graded,

    /// <summary>The file is an error naming the file, with a reason containing <see cref="HostileCase.Reason"/>.</summary>
    Error,
}

/// <summary>
/// One hostile input: a file name inside the traces folder, its bytes, and what must happen. <see cref="Graded"/>
/// counts the traces a graded file holds.
/// </summary>
public sealed record HostileCase(string Name, string File, byte[] Bytes, Expect Expect, string Reason = "", int Graded = 1)
{
    public override string ToString() => Name;
}

/// <summary>
/// The hostile-input corpus: traces a careless export, a broken editor or a malicious student could hand in. Each is
/// small enough to generate in milliseconds except the few that must be big to bite (10,000-deep nesting,
/// 100,000 backticks, a 5 MB line); the 100 MB case lives in its own test.
/// </summary>
internal static class HostileCorpus
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>A canonical hw7 trace whose assistant answers every question with <paramref name="answer"/>.</summary>
    public static string Trace(string id, string studentId, string answer, string? name = "Student", string? email = null, string? extra = null)
    {
        var messages = new List<object>();
        foreach (var q in new[] { "3.b.i", "3.b.ii", "4.a", "4.b", "mt.b", "mt.c", "5.a", "5.b" })
        {
            messages.Add(new { role = "user", question = q, content = $"Please answer {q}." });
            messages.Add(new { role = "assistant", question = q, content = answer });
        }
        var json = JsonSerializer.Serialize(new
        {
            format = "rubric-trace/1",
            id,
            assignment = "cs182-hw7",
            student = new { id = studentId, name, email },
            model = "gpt-4o",
            messages,
        });
        return extra is null ? json : json[..^1] + "," + extra + "}";
    }

    private static byte[] B(string text) => Utf8.GetBytes(text);

    private static HostileCase Ok(string name, string file, string text, int graded = 1) => new(name, file, B(text), Expect.Graded, Graded: graded);

    private static HostileCase Bad(string name, string file, string text, string reason) => new(name, file, B(text), Expect.Error, reason);

    private static string Nest(string open, string close, int depth) =>
        new StringBuilder(depth * (open.Length + close.Length) + 8).Insert(0, open, depth).Append("0").Insert(depth * open.Length + 1, close, depth).ToString();

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    public static IReadOnlyList<HostileCase> All { get; } = Build();

    private static List<HostileCase> Build()
    {
        var good = Trace("good-template", "s-template", "The answer is B. Training took 341 seconds.");
        var cases = new List<HostileCase>
        {
            // ---- broken JSON
            Bad("truncated JSON", "h01-truncated.json", good[..(good.Length / 2)], "JSON"),
            Bad("truncated after one byte", "h02-one-brace.json", "{", "JSON"),
            Bad("invalid JSON token", "h03-invalid-token.json", "{\"format\": rubric-trace}", "JSON"),
            Bad("garbage after the document", "h04-trailing-garbage.json", Trace("h04", "s04", "x") + " }}} garbage", "JSON"),
            Bad("unterminated string", "h05-unterminated-string.json", "{\"format\": \"rubric-trace/1\", \"id\": \"abc", "JSON"),
            // ---- wrong types
            Bad("messages is a string", "h06-messages-string.json",
                "{\"format\":\"rubric-trace/1\",\"id\":\"h06\",\"student\":{\"id\":\"s06\"},\"messages\":\"hello\"}", "messages"),
            Bad("content is a number", "h07-content-number.json",
                "{\"format\":\"rubric-trace/1\",\"id\":\"h07\",\"student\":{\"id\":\"s07\"},\"messages\":[{\"role\":\"user\",\"content\":42}]}", "content"),
            Bad("student is an array", "h08-student-array.json",
                "{\"format\":\"rubric-trace/1\",\"id\":\"h08\",\"student\":[\"s08\"],\"messages\":[]}", "student"),
            Bad("unknown role", "h09-unknown-role.json",
                "{\"format\":\"rubric-trace/1\",\"id\":\"h09\",\"student\":{\"id\":\"s09\"},\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}", "role"),
            Bad("a future format version", "h10-format-v2.json",
                "{\"format\":\"rubric-trace/2\",\"id\":\"h10\",\"student\":{\"id\":\"s10\"},\"messages\":[]}", "rubric-trace/2"),
            Bad("1e999999 as a JSON time", "h11-huge-number-time.json",
                "{\"format\":\"rubric-trace/1\",\"id\":\"h11\",\"student\":{\"id\":\"s11\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"time\":1e999999}]}", "time"),
            Bad("id is a 400-digit number", "h12-id-400-digits.json",
                "{\"format\":\"rubric-trace/1\",\"id\":" + Repeat("9", 400) + ",\"student\":{\"id\":\"s12\"},\"messages\":[]}", "id"),
            Bad("top level is a string", "h13-top-level-string.json", "\"just a string\"", "not a recognised trace format"),
            Bad("empty array export", "h14-empty-array.json", "[]", "empty array"),
            // ---- nesting
            Bad("10,000 nested arrays", "h15-nested-arrays.json", Nest("[", "]", 10_000), "nested deeper"),
            Bad("10,000 nested objects in an ignored field", "h16-nested-objects.json",
                Trace("h16", "s16", "ok", extra: "\"junk\":" + Nest("{\"a\":", "}", 10_000)), "nested deeper"),
            // ---- encodings and bytes
            new("invalid UTF-8 in a message", "h17-invalid-utf8.json",
                Replace(B(Trace("h17", "s17", "before XX after")), "XX"u8.ToArray(), [0xC3, 0x28]), Expect.Error, "invalid UTF-8"),
            new("overlong UTF-8 encoding of '/'", "h18-overlong-utf8.json",
                Replace(B(Trace("h18", "s18", "a XX b")), "XX"u8.ToArray(), [0xC0, 0xAF]), Expect.Error, "invalid UTF-8"),
            new("UTF-16 file", "h19-utf16.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Trace("h19", "s19", "x"))], Expect.Error, "UTF-16"),
            new("raw NUL bytes between tokens", "h20-raw-nul.json",
                Replace(B(Trace("h20", "s20", "x")), "{\"format\""u8.ToArray(), [(byte)'{', 0, 0, (byte)'"', .. "format\""u8.ToArray()]), Expect.Error, "JSON"),
            Bad("empty file", "h21-empty.json", "", "empty"),
            Bad("only whitespace", "h22-whitespace.json", " \r\n\t \n", "empty"),
            Ok("escaped NUL characters in content and name", "h23-escaped-nul.json", Trace("h23", "s23", "nul\u0000here 341 s\u0000", name: "Nul\u0000Name")),
            new("BOM and CRLF line endings", "h24-bom-crlf.json",
                [0xEF, 0xBB, 0xBF, .. B(JsonSerializer.Serialize(JsonDocument.Parse(Trace("h24", "s24", "line one\r\nline two\r\n\r\n341 s")).RootElement,
                    new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\r\n"))], Expect.Graded),
            Ok("lone high surrogate escaped in content", "h25-lone-high-surrogate.json",
                Trace("h25", "s25", "placeholder").Replace("placeholder", "a \\ud800 b", StringComparison.Ordinal)),
            Ok("lone low surrogate escaped in the student name", "h26-lone-low-surrogate.json",
                Trace("h26", "s26", "fine", name: "placeholder").Replace("placeholder", "Eve \\udc00", StringComparison.Ordinal)),
            Ok("zero-width and right-to-left characters", "h27-bidi.json",
                Trace("h27", "s27\u200B", "The \u202Eanswer\u202C is \u2066B\u2069.\u200B\u200C\u200D\uFEFF 341\u200Bseconds \u0627\u0644\u062C\u0648\u0627\u0628", name: "\u202Egnp.exe")),
            Ok("control characters in names", "h28-control-chars.json", Trace("h28", "s28", "ok\u0007\u001b[31mred", name: "Tab\tBell\u0007Esc\u001b[2J")),
            // ---- numbers in prose
            Ok("1e999999 and 400-digit numbers in prose", "h29-huge-numbers-prose.json",
                Trace("h29", "s29", $"It took 1e999999 seconds, {Repeat("9", 400)}% accuracy, $10^{{999999}}$ FLOPs and -1e-999999 s; 0.{Repeat("0", 400)}1 ms.")),
            Ok("100,000 digits in a row", "h30-digit-run.json", Trace("h30", "s30", Repeat("1234567890", 10_000))),
            Ok("digits and spaces alternating", "h31-digit-space-run.json", Trace("h31", "s31", Repeat("1 ", 50_000) + "x")),
            Ok("thousands separators forever", "h32-comma-run.json", Trace("h32", "s32", "1" + Repeat(",000", 25_000) + " seconds")),
            Ok("dotted digit chains", "h33-dot-run.json", Trace("h33", "s33", Repeat("1.", 50_000) + "5x speedup")),
            Ok("unit soup", "h34-unit-soup.json", Trace("h34", "s34", Repeat("5 ms 3x 4% 2 GB 7 TFLOPS ~ ", 5_000))),
            // ---- pathological Markdown and LaTeX
            Ok("10,000 nested list items", "h35-nested-lists.json",
                Trace("h35", "s35", string.Concat(Enumerable.Range(0, 10_000).Select(i => new string(' ', Math.Min(i, 40)) + "- item\n")))),
            Ok("10,000 nested quotes", "h36-nested-quotes.json", Trace("h36", "s36", Repeat(">", 10_000) + " deep")),
            Ok("100,000 backticks", "h37-backticks.json", Trace("h37", "s37", Repeat("`", 100_000) + " code")),
            Ok("LaTeX with 10,000 nested braces", "h38-latex-braces.json", Trace("h38", "s38", "$$" + Nest("{", "}", 10_000) + "$$")),
            Ok("LaTeX with 10,000 \\left(", "h39-latex-left.json", Trace("h39", "s39", "$" + Repeat("\\left(", 10_000) + "x$ and \\[" + Repeat("\\frac{", 5_000) + "\\]")),
            Ok("10,000 unclosed dollar signs", "h40-dollars.json", Trace("h40", "s40", Repeat("$x ", 10_000))),
            Ok("emphasis delimiters soup", "h41-emphasis.json", Trace("h41", "s41", Repeat("*_", 50_000))),
            Ok("a 1 MB line in every answer", "h42-long-line.json", Trace("h42", "s42", Repeat("word ", 200_000))),
            Ok("20,000 messages", "h43-many-messages.json",
                "{\"format\":\"rubric-trace/1\",\"id\":\"h43\",\"student\":{\"id\":\"s43\"},\"messages\":[" +
                string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"{{\"role\":\"{(i % 2 == 0 ? "user" : "assistant")}\",\"content\":\"4.a {i}\"}}")) + "]}"),
            // ---- identities: paths, devices, formulas, duplicates
            Ok("student id climbing out of the folder", "h44-dotdot.json", Trace("h44", "../../../../etc/passwd", "ok")),
            Ok("student id that is an absolute path", "h45-absolute.json", Trace("h45", "/srv/evil", "ok")),
            Ok("reserved device name CON", "h46-con.json", Trace("h46", "CON", "ok")),
            Ok("reserved device name nul.txt", "h47-nul.json", Trace("h47", "nul.txt", "ok")),
            Ok("formula injection everywhere", "h48-formula.json",
                Trace("=HYPERLINK(\"http://evil\",\"x\")", "+SUM(1,2)", "=1+2\n@SUM(A1)", name: "=cmd|' /C calc'!A0", email: "-2+3@evil")),
            Ok("formula injection with tabs and full-width equals", "h49-formula2.json", Trace("h49", "\t=1+1", "ok", name: "\uFF1D1+1", email: "@x")),
            Ok("duplicate student across two traces (first)", "h50-dup-student-a.json", Trace("h50a", "twin", "ok")),
            Ok("duplicate student across two traces (second)", "h51-dup-student-b.json", Trace("h50b", "twin", "ok")),
            Ok("duplicate trace id (first)", "h52-dup-id-a.json", Trace("dup-id", "s52", "ok")),
            Bad("duplicate trace id (second)", "h53-dup-id-b.json", Trace("dup-id", "s53", "ok"), "duplicate trace id 'dup-id'"),
            Ok("duplicate keys in an object", "h54-duplicate-keys.json", Trace("h54", "s54", "ok")[..^1] + ",\"id\":\"h54-again\"}"),
            Ok("comments and trailing commas", "h55-comments.json", "// exported by hand\n" + Trace("h55", "s55", "ok")[..^1] + ",}"),
            // ---- other formats and containers
            new("JSON Lines with one bad line among good ones", "h56-lines.jsonl",
                B(Trace("h56a", "s56a", "ok") + "\n{ broken\n" + Trace("h56b", "s56b", "ok") + "\n"), Expect.Graded, Graded: 2),
            Ok("Markdown transcript with hostile content", "h57-transcript.md",
                "## User\n\n4.a figures?\n\n## Assistant\n\n" + Repeat("> ", 5_000) + "1e999999 " + Repeat("`", 10_000) + "\n\n## User\n\n=1+2\n"),
            Bad("ChatGPT export whose message tree is a cycle", "h58-chatgpt-cycle.json", ChatGptCycle(), "cycle"),
            Ok("ChatGPT export with a 5,000-message chain", "h59-chatgpt-chain.json", ChatGptChain(5_000)),
            Bad("ShareGPT export with a wrong type", "h60-sharegpt-types.json", "{\"id\":\"h60\",\"conversations\":[{\"from\":\"human\",\"value\":[1,2]}]}", "value"),
        };
        return cases;
    }

    private static byte[] Replace(byte[] haystack, byte[] needle, byte[] replacement)
    {
        var at = haystack.AsSpan().IndexOf(needle);
        if (at < 0) throw new InvalidOperationException("marker not found");
        return [.. haystack[..at], .. replacement, .. haystack[(at + needle.Length)..]];
    }

    private static string ChatGptCycle() =>
        """
        [{"title":"cycle","create_time":1764403200.0,"current_node":"b","mapping":{
          "a":{"id":"a","parent":"b","children":["b"],"message":{"id":"a","author":{"role":"user"},"content":{"content_type":"text","parts":["4.a?"]}}},
          "b":{"id":"b","parent":"a","children":["a"],"message":{"id":"b","author":{"role":"assistant"},"content":{"content_type":"text","parts":["341 s"]}}}
        }}]
        """;

    private static string ChatGptChain(int length)
    {
        var sb = new StringBuilder("[{\"title\":\"chain\",\"create_time\":1764403200.0,\"current_node\":\"n" + (length - 1) + "\",\"mapping\":{");
        for (var i = 0; i < length; i++)
        {
            if (i > 0) sb.Append(',');
            var parent = i == 0 ? "null" : $"\"n{i - 1}\"";
            var children = i == length - 1 ? "[]" : $"[\"n{i + 1}\"]";
            var role = i % 2 == 0 ? "user" : "assistant";
            sb.Append($"\"n{i}\":{{\"id\":\"n{i}\",\"parent\":{parent},\"children\":{children},\"message\":{{\"id\":\"n{i}\",\"author\":{{\"role\":\"{role}\"}},\"content\":{{\"content_type\":\"text\",\"parts\":[\"4.a step {i}\"]}}}}}}");
        }
        return sb.Append("}}]").ToString();
    }
}
