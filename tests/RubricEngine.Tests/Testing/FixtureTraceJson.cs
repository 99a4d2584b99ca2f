using System.Text.Json;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Testing;

/// <summary>
/// A tiny reader of the rubric-trace/1 fields fixtures use (format, id, student, messages, sources), standing in
/// for the real Traces reader in these tests.
/// </summary>
internal static class FixtureTraceJson
{
    public static Trace Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        if (root.GetProperty("format").GetString() != TraceFormats.Canonical) throw new FormatException("not rubric-trace/1");
        var student = root.GetProperty("student");
        var messages = root.GetProperty("messages").EnumerateArray().Select((m, i) => new Message(
            i,
            Enum.Parse<Role>(m.GetProperty("role").GetString()!, ignoreCase: true),
            m.GetProperty("content").GetString()!,
            null,
            [],
            m.TryGetProperty("annotations", out var a)
                ? a.EnumerateArray().Select(x => new Annotation(x.GetProperty("text").GetString()!, null, [])).ToList()
                : [],
            m.TryGetProperty("question", out var q) ? q.GetString() : null)).ToList();
        var sources = root.TryGetProperty("sources", out var s)
            ? s.EnumerateArray().Select(x => new SourceText(x.GetProperty("id").GetString()!, null, x.GetProperty("text").GetString()!)).ToList()
            : [];
        return new Trace(root.GetProperty("id").GetString()!, null,
            new Student(student.GetProperty("id").GetString()!, student.TryGetProperty("name", out var n) ? n.GetString() : null), null, sources, messages)
        { File = path };
    }

    /// <summary>Writes a fixture with one user prompt and the given assistant answers.</summary>
    public static string Write(string path, IReadOnlyDictionary<string, double> expect, params string[] answers)
    {
        var messages = new List<object> { new { role = "user", content = "Summarize the blog post." } };
        messages.AddRange(answers.Select(a => (object)new { role = "assistant", content = a, question = "4.a" }));
        var fixture = new
        {
            format = TraceFormats.Canonical,
            id = Path.GetFileName(path),
            student = new { id = "s1", name = "Ana" },
            messages,
            sources = Array.Empty<object>(),
            expect,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(fixture, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
