using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using RubricEngine.Grading;
using RubricEngine.Rubrics;

namespace RubricEngine.Reports.Overrides;

/// <summary>
/// Reads <c>overrides.csv</c> (columns student, rule, points, reason, grader — header required, any order, any case;
/// <c>#</c> starts a comment line). Bad rows become <see cref="OverrideDiagnostic"/>s naming file, line and reason;
/// the good rows still apply. The file is opened read-only and never written.
/// </summary>
public static class OverrideFile
{
    private static readonly string[] Required = ["student", "rule", "points", "reason"];

    /// <summary>Reads the overrides at <paramref name="path"/>; a missing or unreadable file is one error.</summary>
    public static OverrideSet Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
            return Parse(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new OverrideSet([], [new OverrideDiagnostic(path, 0, Severity.Error, $"cannot read the overrides file: {e.Message}")]);
        }
    }

    /// <summary>Parses overrides CSV text; <paramref name="file"/> names it in diagnostics.</summary>
    public static OverrideSet Parse(TextReader reader, string file)
    {
        var errors = new List<OverrideDiagnostic>();
        var overrides = new List<ManualOverride>();
        void Error(int line, string message) => errors.Add(new OverrideDiagnostic(file, line, Severity.Error, message));

        var badLines = new HashSet<int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            AllowComments = true,
            DetectColumnCountChanges = false,
            BadDataFound = args =>
            {
                var line = args.Context.Parser?.RawRow ?? 0;
                if (badLines.Add(line)) Error(line, "malformed CSV (a stray quote?); the row is ignored.");
            },
        };
        using var csv = new CsvReader(reader, config, leaveOpen: true);
        if (!csv.Read())
        {
            Error(1, "the file is empty; expected a header: student,rule,points,reason,grader.");
            return new OverrideSet([], errors);
        }

        var headers = csv.Parser.Record!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Required.Where(r => !headers.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            Error(csv.Parser.RawRow, $"missing column(s) {string.Join(", ", missing)}; expected a header: student,rule,points,reason,grader.");
            return new OverrideSet([], errors);
        }
        var (student, rule, points, reason, grader) =
            (headers.IndexOf("student"), headers.IndexOf("rule"), headers.IndexOf("points"), headers.IndexOf("reason"), headers.IndexOf("grader"));

        var seen = new Dictionary<(string, string), int>();
        while (csv.Read())
        {
            var record = csv.Parser.Record!;
            var line = csv.Parser.RawRow - CountLines(record);
            if (badLines.Contains(csv.Parser.RawRow) || record.All(string.IsNullOrWhiteSpace)) continue;
            string Field(int i) => i >= 0 && i < record.Length ? record[i].Trim() : "";

            var row = (Student: Field(student), Rule: Field(rule), Points: Field(points), Reason: Field(reason), Grader: Field(grader));
            var problems = new List<string>();
            if (row.Student.Length == 0) problems.Add("student is empty");
            if (row.Rule.Length == 0) problems.Add("rule is empty");
            double? value = null;
            if (row.Points.Equals("suppress", StringComparison.OrdinalIgnoreCase)) { }
            else if (double.TryParse(row.Points, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && double.IsFinite(p)) value = p;
            else if (row.Points.Length == 0) problems.Add("points is empty (a number, or 'suppress')");
            else problems.Add($"points '{row.Points}' is neither a number (with a dot: 1.5) nor 'suppress'");
            if (row.Reason.Length == 0) problems.Add("reason is empty (say why: the student sees it)");
            if (problems.Count > 0)
            {
                Error(line, string.Join("; ", problems) + "; the row is ignored.");
                continue;
            }

            var key = (row.Student.ToLowerInvariant(), row.Rule.ToLowerInvariant());
            if (seen.TryGetValue(key, out var first))
            {
                Error(line, $"{row.Student} / {row.Rule} is already overridden on line {first}; the row is ignored.");
                continue;
            }
            seen[key] = line;
            overrides.Add(new ManualOverride(row.Student, row.Rule, value, row.Reason, row.Grader.Length == 0 ? null : row.Grader, file, line));
        }
        return new OverrideSet(overrides, errors);
    }

    // The record ends on RawRow; a quoted field spanning lines moves its start up by its line breaks.
    private static int CountLines(string[] record)
    {
        var breaks = 0;
        foreach (var field in record)
            for (var i = 0; i < field.Length; i++)
                if (field[i] == '\n' || (field[i] == '\r' && (i + 1 >= field.Length || field[i + 1] != '\n'))) breaks++;
        return breaks;
    }
}
