using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;

namespace RubricEngine.Cli.Services;

/// <summary>
/// Reads <c>--attribution fixes.csv</c>: one fix per row, columns trace id or student, message number (from 0, as
/// <c>rubric show</c> prints it), question or <c>none</c>. A header row (its second column "message…") is optional; <c>#</c> starts a comment. A bad
/// row is reported as <c>file(line): warning: …</c> and skipped; the other rows apply. The file is only read.
/// </summary>
internal static class AttributionFixFile
{
    /// <summary>The fixes in <paramref name="path"/>, checked against <paramref name="rubric"/>'s questions (when it declares any).</summary>
    public static AttributionFixSet Read(string path, RubricDefinition? rubric, TextWriter output)
    {
        if (!File.Exists(path)) throw new UserErrorException($"{path}: error: the attribution fixes file was not found.");
        var declared = rubric?.Questions.Select(q => q.Path).ToHashSet() ?? [];
        var fixes = new List<(string, AttributionFix)>();
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = true, HasHeaderRecord = false, DetectColumnCountChanges = false, BadDataFound = null };
            using var csv = new CsvReader(reader, config);
            var first = true;
            while (csv.Read())
            {
                var record = csv.Parser.Record ?? [];
                var line = csv.Parser.RawRow;
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                string Field(int i) => i < record.Length ? record[i].Trim() : "";
                var isHeader = first && Field(1).StartsWith("message", StringComparison.OrdinalIgnoreCase);
                first = false;
                if (isHeader) continue;
                void Warn(string reason) => output.WriteLine($"{path}({line}): warning: {reason}; the row is ignored.");
                if (Field(0).Length == 0) { Warn("the trace id or student is empty"); continue; }
                if (!int.TryParse(Field(1), NumberStyles.None, CultureInfo.InvariantCulture, out var message)) { Warn($"'{Field(1)}' is not a message number"); continue; }
                var question = Field(2);
                QuestionPath? path1 = null;
                if (!question.Equals("none", StringComparison.OrdinalIgnoreCase))
                {
                    try
                    {
                        path1 = new QuestionPath(question);
                    }
                    catch (ArgumentException)
                    {
                        Warn($"'{question}' is not a question (write a path such as 3.b.ii, or none)");
                        continue;
                    }
                    if (declared.Count > 0 && !declared.Contains(path1)) { Warn($"the rubric declares no question {question}"); continue; }
                }
                fixes.Add((Field(0), new AttributionFix(message, path1)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvHelperException)
        {
            throw new UserErrorException($"{path}: error: cannot read the attribution fixes: {e.Message}");
        }
        return new AttributionFixSet(fixes);
    }
}
