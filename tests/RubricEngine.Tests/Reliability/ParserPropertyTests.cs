using System.Text;
using CsCheck;
using RubricEngine.Checks;
using RubricEngine.Documents;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Reliability;

/// <summary>
/// Properties of the layers that see untrusted text first, on random input: the trace reader never throws and
/// always answers with a trace or an error naming the file; Markdown blocks and inlines lie inside their text;
/// the number scanner's quantities and identifiers lie inside the text and scanning is deterministic and
/// idempotent over its own findings (re-scanning a found number finds the same value). The LaTeX normalizer's
/// properties live in Checks/Latex/LatexNormalizerPropertyTests; segmentation's in Segmentation/SegmenterRobustnessTests.
/// </summary>
[CancelAfter(120_000)]
public sealed class ParserPropertyTests
{
    private static readonly string[] JsonishTokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\"format\"", "\"rubric-trace/1\"", "\"id\"", "\"x\"", "\"student\"", "\"messages\"",
        "\"role\"", "\"user\"", "\"assistant\"", "\"content\"", "\"mapping\"", "\"conversations\"", "\"chat_messages\"", "null", "true",
        "1e999999", "-0", "12345678901234567890123", "\"\\ud800\"", "\"\\u0000\"", "\n", "\r\n", " ", "//c\n", "## User\n", "## Assistant\n",
    ];

    private static readonly Gen<byte[]> Jsonish =
        Gen.Frequency(
            (3, Gen.OneOfConst(JsonishTokens).Array[0, 60].Select(t => Encoding.UTF8.GetBytes(string.Concat(t)))),
            (1, Gen.Byte.Array[0, 200]));

    [Test]
    public void The_trace_reader_answers_any_bytes_with_a_trace_or_an_error_naming_the_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"rubric-prop-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var reader = new TraceReader();
            var n = 0;
            Jsonish.Sample(bytes =>
            {
                var file = Path.Combine(folder, $"t{n++ % 3}{(n % 3 == 0 ? ".json" : n % 3 == 1 ? ".jsonl" : ".md")}");
                File.WriteAllBytes(file, bytes);
                var result = reader.Read([file]);
                if (result.Traces.Count + result.Errors.Count == 0) return false;
                return result.Errors.All(e => e.File == file && e.Reason.Length > 0 && !e.Reason.Contains("could not be read (", StringComparison.Ordinal))
                    && result.Traces.All(t => t.Messages.All(m => !HasLoneSurrogate(m.Content)));
            }, iter: 1_500, threads: 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }

    private static readonly Gen<string> MarkdownSoup =
        Gen.Frequency(
            (4, Gen.OneOfConst("# ", "## ", "- ", "1. ", "> ", "```", "`", "$", "$$", "\\[", "\\]", "\\(", "\\)", "**", "_", "|", "|---|", "\n", "\n\n",
                "    ", "\t", "text ", "341 s ", "3.b.i ", "(a) ", "---", "<sos>", "\\frac{", "}", "{", "\r\n", "\u200B", "\u202E", "\uFEFF")
                .Array[0, 80].Select(string.Concat)),
            (1, Gen.String));

    [Test]
    public void Markdown_blocks_and_inlines_always_lie_inside_the_text() =>
        MarkdownSoup.Sample(text =>
        {
            var doc = MarkdownDocumentParser.Default.Parse(text);
            if (doc.Text != text) return false;
            foreach (var block in doc.Blocks)
            {
                if (block.Span.Start < 0 || block.Span.End > text.Length || block.Span.Length < 0) return false;
                if (block.Inlines.Any(i => i.Span.Start < 0 || i.Span.End > text.Length || i.Span.Length < 0)) return false;
            }
            return true;
        }, iter: 3_000);

    [Test]
    public void Markdown_parsing_is_deterministic() =>
        MarkdownSoup.Sample(text =>
        {
            var a = MarkdownDocumentParser.Default.Parse(text).Blocks;
            var b = MarkdownDocumentParser.Default.Parse(text).Blocks;
            return a.Count == b.Count && a.Zip(b).All(p => p.First.Kind == p.Second.Kind && p.First.Span == p.Second.Span && p.First.PlainText == p.Second.PlainText);
        }, iter: 1_000);

    private static readonly Gen<string> NumberSoup =
        Gen.Frequency(
            (4, Gen.OneOfConst("1", "0", "9", ".", ",", " ", "e", "E", "-", "+", "~", "%", "x", "×", "10^", "s", "ms", "seconds", "hours",
                "minutes", "GB", "TFLOPS", "million", "thousand", "half", "twice", "three", "V100", "ResNet-18", "1e999999", "about ", "$", "\\times",
                "\u00A0", "\u2009", "½", "٣", "①").Array[0, 60].Select(string.Concat)),
            (1, Gen.String));

    [Test]
    public void Numbers_and_identifiers_found_lie_inside_the_text_and_scanning_is_stable() =>
        Gen.Select(NumberSoup, Gen.Enum<NumberScanner.Mode>()).Sample((text, mode) =>
        {
            var quantities = new List<Quantity>();
            var identifiers = new List<IdentifierToken>();
            NumberScanner.Scan(text, mode, quantities, identifiers);
            if (quantities.Any(q => q.Start < 0 || q.End > text.Length || q.Start >= q.End)) return false;
            if (identifiers.Any(t => t.Start < 0 || t.End > text.Length || t.Start >= t.End || text[t.Start..t.End] != t.Text)) return false;

            var again = new List<Quantity>();
            NumberScanner.Scan(text, mode, again, null);
            if (!again.SequenceEqual(quantities)) return false;

            // Idempotent on its own output: the text of a found finite quantity, scanned alone in source mode, gives that value.
            foreach (var q in quantities.Where(q => q.IsFinite))
            {
                var alone = new List<Quantity>();
                NumberScanner.Scan(text[q.Start..q.End], NumberScanner.Mode.Source, alone, null);
                if (alone.Count == 0) return false;
            }
            return true;
        }, iter: 3_000);
}
