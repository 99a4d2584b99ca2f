using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// Writes grades into a CSV gradebook. CsvHelper parses the records; a record the update does not change is
/// copied byte for byte (its raw text), and in a changed record only the target fields are replaced, the other
/// fields keeping their raw text, quotes and all. Values written are escaped against formula injection.
/// </summary>
internal static class CsvGradebookUpdate
{
    private const int HeaderSearchRows = 20;

    public static byte[] Apply(byte[] bytes, GradebookPlan plan)
    {
        var (encoding, preamble) = DetectEncoding(bytes);
        var text = encoding.GetString(bytes, preamble, bytes.Length - preamble);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = false,
        };

        var records = new List<(string[] Fields, string Raw)>();
        string delimiter;
        using (var reader = new StringReader(text))
        using (var parser = new CsvParser(reader, config))
        {
            while (parser.Read()) records.Add((parser.Record ?? [], parser.RawRecord));
            delimiter = parser.Delimiter;
        }
        if (records.Sum(r => r.Raw.Length) != text.Length)
            throw new GradebookUpdateException("The CSV gradebook could not be read faithfully (unbalanced quotes?); it was not changed.");

        var headerIndex = -1;
        var keyColumn = -1;
        for (var i = 0; i < Math.Min(records.Count, HeaderSearchRows) && keyColumn < 0; i++)
        {
            keyColumn = plan.FindKeyColumn(records[i].Fields);
            headerIndex = i;
        }
        if (keyColumn < 0)
            throw new GradebookUpdateException($"The CSV gradebook has no key column ({string.Join(" / ", plan.KeyHeaders)}) in its first {HeaderSearchRows} rows.");

        var header = records[headerIndex].Fields.ToList();
        var columns = new List<(TargetColumn Target, int Index)>();
        var headerEdits = new Dictionary<int, string>();
        foreach (var target in plan.Columns)
        {
            var index = header.FindIndex(h => GradebookPlan.HeaderEquals(h, target.Header));
            if (index < 0)
            {
                index = header.Count;
                header.Add(target.Header);
                headerEdits[index] = target.Header;
                plan.AddedColumns.Add(target.Header);
            }
            columns.Add((target, index));
        }

        var encoder = new FieldEncoder(delimiter);
        var output = new StringBuilder(text.Length + records.Count * 8);
        for (var i = 0; i < records.Count; i++)
        {
            var (fields, raw) = records[i];
            var edits = new Dictionary<int, string>();
            if (i == headerIndex)
            {
                edits = headerEdits;
            }
            else if (i > headerIndex && fields.Length > 0)
            {
                if (GradebookPlan.IsPointsPossible(fields.Take(2).Append(Field(fields, keyColumn))))
                {
                    foreach (var (target, index) in columns) edits[index] = GradebookPlan.Format(plan.PointsPossible(target));
                }
                else if (Field(fields, keyColumn).Trim().Length > 0 && plan.Match(Field(fields, keyColumn)) is { } grade)
                {
                    var student = Field(fields, keyColumn).Trim();
                    foreach (var (target, index) in columns)
                    {
                        if (GradebookPlan.ValueOf(grade, target) is not { } value) continue;
                        var existing = Field(fields, index);
                        plan.CellsRead[(student, target.Header)] = existing;
                        if (GradebookPlan.IsOverrideMark(existing) && !GradebookPlan.SameNumber(existing, value))
                        {
                            plan.KeptOverrides.Add(new KeptOverride(student, target.Header, existing, GradebookPlan.Format(value)));
                            continue;
                        }
                        edits[index] = GradebookPlan.Format(value);
                    }
                    plan.Updated++;
                }
            }
            // New columns reach every row below the header so the table stays rectangular.
            var width = i >= headerIndex && fields.Length > 0 ? header.Count : 0;
            if (edits.Count == 0 && fields.Length >= width) output.Append(raw);
            else output.Append(Splice(raw, fields.Length, edits, width, delimiter, encoder));
        }
        return [.. bytes.AsSpan(0, preamble), .. encoding.GetBytes(output.ToString())];
    }

    private static string Field(string[] fields, int index) => index < fields.Length ? fields[index] : "";

    /// <summary>Rebuilds one record: untouched fields keep their raw text; edited and added ones are encoded.</summary>
    private static string Splice(string raw, int fieldCount, Dictionary<int, string> edits, int width, string delimiter, FieldEncoder encoder)
    {
        var body = raw.TrimEnd('\r', '\n');
        var newline = raw[body.Length..];
        var slices = RawFields(body, delimiter, fieldCount);
        var count = Math.Max(Math.Max(slices.Count, width), edits.Count == 0 ? 0 : edits.Keys.Max() + 1);
        var builder = new StringBuilder(body.Length + 16 * edits.Count);
        for (var f = 0; f < count; f++)
        {
            if (f > 0) builder.Append(delimiter);
            if (edits.TryGetValue(f, out var value)) builder.Append(encoder.Encode(value));
            else if (f < slices.Count) builder.Append(body, slices[f].Start, slices[f].Length);
        }
        return builder.Append(newline).ToString();
    }

    /// <summary>Where each field's raw text lies in a record (quotes included), honouring quoted delimiters.</summary>
    private static List<(int Start, int Length)> RawFields(string body, string delimiter, int expected)
    {
        var slices = new List<(int, int)>(expected);
        var start = 0;
        var quoted = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && string.CompareOrdinal(body, i, delimiter, 0, delimiter.Length) == 0)
            {
                slices.Add((start, i - start));
                start = i + delimiter.Length;
                i += delimiter.Length - 1;
            }
        }
        if (body.Length > 0 || expected > 0) slices.Add((start, body.Length - start));
        return slices;
    }

    private static (Encoding Encoding, int Preamble) DetectEncoding(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return (new UTF8Encoding(false), 3);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE })) return (new UnicodeEncoding(false, false), 2);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF })) return (new UnicodeEncoding(true, false), 2);
        return (new UTF8Encoding(false), 0);
    }

    /// <summary>Encodes one field with CsvHelper's quoting and OWASP formula escaping (a leading ' before = + - @ tab CR).</summary>
    private sealed class FieldEncoder(string delimiter)
    {
        private readonly CsvConfiguration _config = new(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            InjectionOptions = InjectionOptions.Escape,
            NewLine = "\n",
        };

        public string Encode(string value)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            using (var csv = new CsvWriter(writer, _config))
            {
                csv.WriteField(value);
                csv.Flush();
            }
            return writer.ToString();
        }
    }
}
