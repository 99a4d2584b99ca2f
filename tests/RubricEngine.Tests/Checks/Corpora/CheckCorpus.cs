using System.Globalization;
using System.Text;

namespace RubricEngine.Tests.Checks.Corpora;

/// <summary>A labeled span of an item's text: <c>{|ungrounded:~18 hours|}</c> → kind "ungrounded", the span of "~18 hours".</summary>
internal sealed record CorpusLabel(string Kind, int Start, int End, string Text)
{
    public bool Overlaps(int start, int end) => start < End && Start < end;
}

/// <summary>One labeled answer of a check corpus, with its markup removed.</summary>
internal sealed record CorpusItem(string File, int Line, string Id, IReadOnlyDictionary<string, string> Attributes, string Text, IReadOnlyList<CorpusLabel> Labels)
{
    public string Attribute(string key) =>
        Attributes.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"{File}({Line}): item {Id} has no {key}=.");

    public override string ToString() => $"{Id} ({Path.GetFileName(File)}:{Line})";
}

/// <summary>
/// Reads the labeled corpora of tests/check-corpora (format: its README): items start at "%%% id key=value …";
/// labels are <c>{|kind:text|}</c> markup inside the text. Shared by the tests and the <c>checks-corpus</c> benchmark.
/// </summary>
internal static class CheckCorpus
{
    private const string Header = "%%% ";

    /// <summary>tests/check-corpora of the repository holding the working directory or this binary.</summary>
    public static string Root
    {
        get
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                    if (File.Exists(Path.Combine(dir.FullName, "RubricEngine.sln")))
                        return Path.Combine(dir.FullName, "tests", "check-corpora");
            throw new DirectoryNotFoundException("RubricEngine.sln was not found above the working directory or the binary.");
        }
    }

    /// <summary>The reference text named by a numbers item's <c>source=</c>: the hw7 blog, or a file of check-corpora/sources.</summary>
    public static string SourcePath(string name) => name == "resnet-blog.md"
        ? Path.Combine(Root, "..", "..", "rubrics", "hw7", "sources", name)
        : Path.Combine(Root, "sources", name);

    /// <summary>Every item of every .md file of <paramref name="corpus"/> ("numbers", "word-counts", "derivations"), in file and text order.</summary>
    public static IReadOnlyList<CorpusItem> Load(string corpus, params string[] kinds)
    {
        var folder = Path.Combine(Root, corpus);
        var items = new List<CorpusItem>();
        foreach (var file in Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal))
            items.AddRange(Parse(file, File.ReadAllText(file), kinds));
        return items;
    }

    /// <summary>The items of one file's text; throws naming file and line on a malformed header, label or an unknown kind.</summary>
    public static IReadOnlyList<CorpusItem> Parse(string file, string content, IReadOnlyCollection<string> kinds)
    {
        var items = new List<CorpusItem>();
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? header = null;
        var headerLine = 0;
        var body = new List<string>();
        void Flush()
        {
            if (header is null) return;
            while (body.Count > 0 && body[^1].Trim().Length == 0) body.RemoveAt(body.Count - 1);
            items.Add(Item(file, headerLine, header, string.Join("\n", body), kinds));
            body.Clear();
        }
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(Header, StringComparison.Ordinal))
            {
                Flush();
                header = lines[i][Header.Length..];
                headerLine = i + 1;
            }
            else if (header is not null) body.Add(lines[i]);
            else if (lines[i].Trim().Length > 0) throw new InvalidDataException($"{file}({i + 1}): text before the first '%%% id' header.");
        }
        Flush();
        return items;
    }

    private static CorpusItem Item(string file, int line, string header, string marked, IReadOnlyCollection<string> kinds)
    {
        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new InvalidDataException($"{file}({line}): a header needs an id.");
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) throw new InvalidDataException($"{file}({line}): '{part}' is not key=value.");
            attributes[part[..eq]] = part[(eq + 1)..];
        }

        var text = new StringBuilder(marked.Length);
        var labels = new List<CorpusLabel>();
        var i = 0;
        while (i < marked.Length)
        {
            var open = marked.IndexOf("{|", i, StringComparison.Ordinal);
            if (open < 0) { text.Append(marked, i, marked.Length - i); break; }
            text.Append(marked, i, open - i);
            var colon = marked.IndexOf(':', open);
            var close = marked.IndexOf("|}", open, StringComparison.Ordinal);
            var at = $"{file}({line + 1 + marked[..open].Count(c => c == '\n')})";
            if (colon < 0 || close < 0 || colon > close) throw new InvalidDataException($"{at}: unterminated label in item {parts[0]}.");
            var kind = marked[(open + 2)..colon];
            if (kinds.Count > 0 && !kinds.Contains(kind)) throw new InvalidDataException($"{at}: unknown label kind '{kind}' in item {parts[0]} (expected {string.Join(", ", kinds)}).");
            var labeled = marked[(colon + 1)..close];
            if (labeled.Length == 0) throw new InvalidDataException($"{at}: empty label in item {parts[0]}.");
            labels.Add(new CorpusLabel(kind, text.Length, text.Length + labeled.Length, labeled));
            text.Append(labeled);
            i = close + 2;
        }
        return new CorpusItem(file, line, parts[0], attributes, text.ToString(), labels);
    }

    /// <summary>
    /// Numbers that start a token outside math and outside every label: a numbers item must label each mention.
    /// Returns "line: number" for each, empty when the item is fully labeled.
    /// </summary>
    public static IReadOnlyList<string> UnlabeledNumbers(CorpusItem item)
    {
        var text = item.Text;
        var math = MathRanges(text);
        var found = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '_' or '.' or ','))) continue;
            if (i > 1 && text[i - 1] == '-' && char.IsLetterOrDigit(text[i - 2])) continue; // "ResNet-18", "SST-2": a name
            if (item.Labels.Any(l => l.Overlaps(i, i + 1)) || math.Any(r => i >= r.Start && i < r.End)) continue;
            var end = i;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '.' or ',') && end - i < 20) end++;
            found.Add($"{item.File}({item.Line + 1 + text[..i].Count(c => c == '\n')}): unlabeled number '{text[i..end]}' in item {item.Id}");
        }
        return found;
    }

    private static List<(int Start, int End)> MathRanges(string text)
    {
        var ranges = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            string? close = text[i] == '$' ? (i + 1 < text.Length && text[i + 1] == '$' ? "$$" : "$")
                : text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '(' or '[' ? (text[i + 1] == '(' ? "\\)" : "\\]") : null;
            if (close is null) { i++; continue; }
            var openLength = close == "$" ? 1 : 2;
            var end = text.IndexOf(close, i + openLength, StringComparison.Ordinal);
            if (end < 0) { i++; continue; }
            ranges.Add((i, end + close.Length));
            i = end + close.Length;
        }
        return ranges;
    }

    public static int Int(this CorpusItem item, string key) => int.Parse(item.Attribute(key), NumberStyles.None, CultureInfo.InvariantCulture);
}
