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
        // An LMS export is updated by that LMS's import rules: its item headers, its student key, its marks.
        var lms = LmsImportRules.Detect(header, records.Skip(headerIndex + 1).Take(3).Select(r => r.Fields));
        var canvas = lms?.System == LmsSystem.Canvas;
        if (lms is not null && !canvas && !plan.ByEmail && plan.Options.Key.Trim().Equals("id", StringComparison.OrdinalIgnoreCase)
            && lms.IdentityHeaders.Where(h => !h.Contains("mail", StringComparison.OrdinalIgnoreCase))
                .Select(h => header.FindIndex(x => GradebookPlan.HeaderEquals(x, h))).FirstOrDefault(i => i >= 0, -1) is var lmsKey and >= 0)
            keyColumn = lmsKey; // Blackboard's Username, Brightspace's OrgDefinedId, Moodle's ID number: the id the LMS matches on
        var pointsRow = records.FindIndex(headerIndex + 1, r => r.Fields.Length > 0 && GradebookPlan.IsPointsPossible(r.Fields.Take(2)));
        var columns = new List<(TargetColumn Target, int Index)>();
        var headerEdits = new Dictionary<int, string>();
        // Brightspace: "End-of-Line Indicator" must stay the last column, and its ids carry a '#' prefix (#3031001).
        var endOfLine = header.FindLastIndex(h => GradebookPlan.HeaderEquals(h, BrightspaceImportRules.EndOfLine));
        var endOfLineAt = endOfLine;
        foreach (var target in plan.Columns)
        {
            if (lms is not null && target.RuleId is not null)
                throw new GradebookUpdateException(
                    $"--per-criterion is not written into a {lms.System} gradebook: {lms.System} would import each criterion column ('{target.Header}') as {(canvas ? "a new graded assignment" : "a new grade item")}. " +
                    "Import the total only, and keep per-criterion scores in the workbook (-o grades.xlsx) or a plain CSV (--csv).");
            var index = lms is not null && target.RuleId is null
                ? lms.FindItem(header, target.Header)
                : header.FindIndex(h => GradebookPlan.HeaderEquals(h, target.Header));
            if (index >= 0 && lms is not null)
                CheckPointsPossible(plan, lms, header[index], canvas && pointsRow >= 0 ? Field(records[pointsRow].Fields, index) : null);
            if (index < 0 && lms is not null && !plan.Options.NewAssignment && lms.WouldBeNewItem(target.Header))
                throw new GradebookUpdateException(NoSuchItem(lms.System, target.Header));
            var added = lms?.NewItemHeader(target.Header) ?? target.Header;
            if (index < 0 && endOfLineAt >= 0)
            {
                index = endOfLineAt++;
                header.Insert(index, added);
                headerEdits[index] = added;
                headerEdits[endOfLineAt] = header[endOfLineAt];
                plan.AddedColumns.Add(added);
            }
            else if (index < 0)
            {
                index = header.Count;
                header.Add(added);
                headerEdits[index] = added;
                plan.AddedColumns.Add(added);
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
                if (endOfLineAt > endOfLine)
                {
                    // Columns added before the end-of-line column: every row shifts its indicator right, empty cells before it.
                    for (var f = endOfLine; f < endOfLineAt; f++) edits[f] = "";
                    edits[endOfLineAt] = Field(fields, endOfLine);
                }
                if (GradebookPlan.IsPointsPossible(fields.Take(2).Append(Field(fields, keyColumn))))
                {
                    // Points Possible is only ever filled in for a column this update adds, never changed.
                    foreach (var (target, index) in columns)
                        if (headerEdits.ContainsKey(index)) edits[index] = GradebookPlan.Format(plan.PointsPossible(target));
                }
                else if ((lms?.Key(Field(fields, keyColumn)) ?? Field(fields, keyColumn).Trim()) is { Length: > 0 } key && plan.Match(key) is { } grade)
                {
                    var student = key;
                    foreach (var (target, index) in columns)
                    {
                        if (GradebookPlan.ValueOf(grade, target, plan.Scale) is not { } value) continue;
                        // A column this update adds holds nothing yet (before Brightspace's end-of-line column, the row's '#' is not its cell).
                        var existing = plan.AddedColumns.Contains(header[index]) && headerEdits.ContainsKey(index) ? "" : Field(fields, index);
                        plan.CellsRead[(student, target.Header)] = existing;
                        if (lms?.IsMarker(existing) ?? existing.Trim().Equals("EX", StringComparison.OrdinalIgnoreCase))
                        {
                            // EX (excused) and an LMS's other non-numeric marks are a person's decision: kept, reported.
                            plan.KeptOverrides.Add(new KeptOverride(student, target.Header, existing, GradebookPlan.Format(value)));
                            continue;
                        }
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

    /// <summary>
    /// The item's points possible (Canvas's Points Possible row, Blackboard's <c>Total Pts</c>, Brightspace's
    /// <c>MaxPoints</c>) is never changed; a rubric maximum that differs is scaled (<c>--scale-to-points</c>) or
    /// refused before anything is written.
    /// </summary>
    private static void CheckPointsPossible(GradebookPlan plan, LmsImportRules lms, string header, string? pointsCell)
    {
        var stated = pointsCell is not null
            ? double.TryParse(pointsCell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : (double?)null
            : lms.ParseItem(header.Trim())?.Points;
        if (stated is not { } possible || possible <= 0) return;
        var max = GradebookPlan.Round(plan.MaxPoints);
        if (max <= 0 || Math.Abs(possible - max) < 0.005) return;
        var what = lms.System == LmsSystem.Canvas ? "Canvas assignment" : $"{lms.System} grade item";
        if (!plan.Options.ScaleToPoints)
            throw new GradebookUpdateException(
                $"{what} '{header.Trim()}' is worth {GradebookPlan.Format(possible)} points{(pointsCell is null ? "" : " (Points Possible)")} but the rubric's maximum is {GradebookPlan.Format(max)}. " +
                $"Points Possible is never changed: pass --scale-to-points to write each total scaled to {GradebookPlan.Format(possible)} (e.g. {GradebookPlan.Format(max)} → {GradebookPlan.Format(possible)}), " +
                "or fix the rubric or the assignment. Nothing was written.");
        plan.Scale = possible / max;
    }

    private static string NoSuchItem(LmsSystem system, string name) => system switch
    {
        LmsSystem.Canvas =>
            $"This Canvas gradebook has no column for assignment '{name}' (Canvas names them 'Title (id)', e.g. 'HW7 (12345)'). " +
            "Adding one would create a new graded assignment in the course; name the existing one with --column (its title or whole header), " +
            "or pass --new-assignment if a new assignment is what you want. Nothing was written.",
        LmsSystem.Blackboard =>
            $"This Blackboard download has no column for '{name}' (Blackboard names them 'Title [Total Pts: N Score] |id'). " +
            "A column without a Column ID would be uploaded as a new text column worth 0 points; name the existing one with --column (its title or whole header), " +
            "or pass --new-assignment if a new column is what you want. Nothing was written.",
        _ =>
            $"This {system} export has no grade item '{name}'; adding a column would make {system} create a new grade item. " +
            "Name the existing one with --column (its title or whole header), or pass --new-assignment if a new item is what you want. Nothing was written.",
    };

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

    internal static (Encoding Encoding, int Preamble) DetectEncoding(byte[] bytes)
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
