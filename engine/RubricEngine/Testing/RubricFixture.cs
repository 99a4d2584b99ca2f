using System.Globalization;
using System.Text.Json;
using RubricEngine.Traces;

namespace RubricEngine.Testing;

/// <summary>
/// A rubric test case: a trace whose messages carry <see cref="FixtureMarkup"/>, stripped, with the marks and the
/// expected points per criterion.
/// </summary>
/// <remarks>
/// On disk a fixture is a <c>rubric-trace/1</c> JSON trace named <c>*.fixture.json</c> under
/// <c>&lt;rubric folder&gt;/fixtures/</c>, with one extra top-level field:
/// <c>"expect": { "HW7-01": 2, "HW7-03": 0 }</c> — points per rule id (rules not named are not checked).
/// </remarks>
internal sealed record RubricFixture(string File, Trace Trace, IReadOnlyList<FixtureMark> Marks, IReadOnlyDictionary<string, double> ExpectedPoints)
{
    /// <summary>The suffix fixture files end with.</summary>
    public const string Suffix = ".fixture.json";

    /// <summary>Every fixture under <c>&lt;rubric folder&gt;/fixtures/</c>, in ordinal path order.</summary>
    public static IReadOnlyList<string> Discover(string rubricPath)
    {
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(rubricPath)) ?? ".", "fixtures");
        if (!Directory.Exists(folder)) return [];
        var root = Path.GetDirectoryName(rubricPath) ?? "";
        return Directory.EnumerateFiles(folder, "*" + Suffix, SearchOption.AllDirectories)
            .Select(f => Path.Join(root, Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(rubricPath))!, f)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads a fixture: the trace with <paramref name="readTrace"/>, then strips markup and reads <c>expect</c>.</summary>
    public static RubricFixture Load(string file, Func<string, Trace> readTrace)
    {
        var trace = readTrace(file);
        var marks = new List<FixtureMark>();
        var messages = new List<Message>(trace.Messages.Count);
        foreach (var message in trace.Messages)
        {
            (string Text, IReadOnlyList<MarkedSpan> Marks) parsed;
            try
            {
                parsed = FixtureMarkup.Parse(message.Content);
            }
            catch (FormatException e)
            {
                throw new FormatException($"{file}: message {message.Index}: {e.Message}", e);
            }
            marks.AddRange(parsed.Marks.Select(m => new FixtureMark(m.RuleId, message.Index, m.Span)));
            messages.Add(message with { Content = parsed.Text });
        }
        return new RubricFixture(file, trace with { Messages = messages }, marks, ReadExpect(file));
    }

    private static Dictionary<string, double> ReadExpect(string file)
    {
        var expect = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        using var stream = System.IO.File.OpenRead(file);
        using var json = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("expect", out var element)) return expect;
        if (element.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{file}: \"expect\" must be an object of rule id → points.");
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var points))
                throw new FormatException($"{file}: expect.{property.Name}: expected a number of points, found {property.Value.GetRawText()}.");
            expect[property.Name] = points;
        }
        return expect;
    }

    public override string ToString() => File + " (" + ExpectedPoints.Count.ToString(CultureInfo.InvariantCulture) + " expectations)";
}
