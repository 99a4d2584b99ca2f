using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Markdig;
using RubricEngine.Documents;
using RubricEngine.Traces;

namespace RubricEngine.Benchmarks;

/// <summary>
/// The markdown phase alone, single-threaded over every message of a corpus: thread CPU for the input guard,
/// Markdig's parse, and the whole <see cref="MarkdownDocumentParser.Parse"/>; plus a digest of every parsed
/// document (kinds, spans, levels, markers, inline texts, cells) so two builds can be compared for identical output.
/// </summary>
internal static class MarkdownPhase
{
    public static int Run(string folder, int repeats)
    {
        var reader = new TraceReader();
        var messages = new List<string>();
        foreach (var file in reader.ListFiles([folder]).Files)
            foreach (var trace in reader.ReadFile(file, false).Traces)
                foreach (var message in trace.Messages) messages.Add(message.Content);
        var parser = MarkdownDocumentParser.Default;
        var pipeline = parser.Pipeline;
        foreach (var m in messages.Take(200)) { parser.Parse(m); Markdown.Parse(m, pipeline); }

        double Time(Action<string> action) => TimeOver(messages, action);
        double TimeOver(List<string> messages, Action<string> action)
        {
            var best = double.MaxValue;
            for (var r = 0; r < repeats; r++)
            {
                var start = ThreadCpuClock.Now();
                foreach (var m in messages) action(m);
                best = Math.Min(best, (ThreadCpuClock.Now() - start) / (double)System.Diagnostics.Stopwatch.Frequency);
            }
            return best;
        }

        var guard = Time(m => MarkdownInputGuard.Reject(m));
        var markdig = Time(m => Markdown.Parse(m, pipeline));
        var whole = Time(m => parser.Parse(m));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{messages.Count} messages, {messages.Sum(m => (long)m.Length) / 1024} KB; best of {repeats}, thread CPU s: guard {guard:0.000}, Markdig.Parse {markdig:0.000}, MarkdownDocumentParser.Parse {whole:0.000}"));
        var plain = messages.Where(m => m.AsSpan().IndexOfAny("*_`#>|$\\[]<&~!\n") < 0).ToList();
        var plainWhole = TimeOver(plain, m => parser.Parse(m));
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var m in messages) Markdown.Parse(m, pipeline);
        var markdigBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var m in messages) parser.Parse(m);
        var wholeBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"single-line messages without Markdown characters: {plain.Count}, Parse {plainWhole:0.000} s; allocated MB: Markdig.Parse {markdigBytes / 1048576.0:0}, MarkdownDocumentParser.Parse {wholeBytes / 1048576.0:0}"));
        Console.WriteLine($"digest {Digest(messages, parser)}");
        return 0;
    }

    private static string Digest(List<string> messages, MarkdownDocumentParser parser)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sb = new StringBuilder();
        foreach (var m in messages)
        {
            sb.Clear();
            foreach (var b in parser.Parse(m).Blocks)
            {
                sb.Append(CultureInfo.InvariantCulture, $"B{b.Kind}|{b.Span.Start},{b.Span.Length}|{b.Level}|{b.Marker ?? "-"}\n");
                foreach (var i in b.Inlines) sb.Append(CultureInfo.InvariantCulture, $" I{i.Kind}|{i.Span.Start},{i.Span.Length}|{i.Text}\n");
                foreach (var row in b.Cells) sb.Append(" R").AppendJoin('\u0001', row).Append('\n');
            }
            sb.Append("\u0002\n");
            hash.AppendData(Encoding.UTF8.GetBytes(sb.ToString()));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
