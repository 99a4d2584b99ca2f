using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// An LMS grade file or export as its importer reads it: the encoding from the byte-order mark (UTF-8, or UTF-16 as
/// Blackboard downloads), the delimiter detected (comma, tab, semicolon), the first row as header.
/// </summary>
public sealed record LmsTable(string Source, IReadOnlyList<string> Header, IReadOnlyList<LmsTableRow> Rows, string Delimiter, string Encoding)
{
    /// <summary>The index of the column headed <paramref name="header"/> (case and edge spaces ignored), or -1.</summary>
    public int Column(string header)
    {
        for (var i = 0; i < Header.Count; i++)
            if (GradebookPlan.HeaderEquals(Header[i], header)) return i;
        return -1;
    }

    /// <summary>Reads <paramref name="path"/>; a file that is not delimited text gets a message naming it.</summary>
    /// <exception cref="GradebookUpdateException">Unreadable: empty, binary Excel, unbalanced quotes.</exception>
    public static LmsTable Read(string path)
    {
        if (!File.Exists(path)) throw new GradebookUpdateException($"\"{path}\" does not exist.");
        return Parse(File.ReadAllBytes(path), path);
    }

    public static LmsTable Parse(byte[] bytes, string source)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }) || bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
            throw new GradebookUpdateException($"\"{source}\" is an Excel workbook, not delimited text; LMS imports read CSV or tab-separated text.");
        var (encoding, preamble) = CsvGradebookUpdate.DetectEncoding(bytes);
        var text = encoding.GetString(bytes, preamble, bytes.Length - preamble);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", "\t", ";"],
            BadDataFound = null,
            MissingFieldFound = null,
        };
        var rows = new List<LmsTableRow>();
        string delimiter;
        using (var reader = new StringReader(text))
        using (var parser = new CsvParser(reader, config))
        {
            var line = 0;
            while (parser.Read())
            {
                var start = line + 1;
                line = parser.RawRow;
                rows.Add(new LmsTableRow(start, parser.Record ?? []));
            }
            delimiter = parser.Delimiter;
        }
        if (rows.Count == 0) throw new GradebookUpdateException($"\"{source}\" is empty.");
        var name = preamble == 0 ? "UTF-8 (no byte-order mark)" : encoding.WebName.ToUpperInvariant() + " with a byte-order mark";
        return new LmsTable(source, rows[0].Cells.Select(h => h.Trim()).ToList(), rows.Skip(1).Where(r => r.Cells.Any(c => c.Length > 0)).ToList(), delimiter, name);
    }
}
