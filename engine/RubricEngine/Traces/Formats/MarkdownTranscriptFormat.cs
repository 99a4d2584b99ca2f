namespace RubricEngine.Traces.Formats;

/// <summary>
/// A Markdown transcript: each message starts at a role heading (<c>## User</c>, <c># Assistant</c>,
/// <c>### ChatGPT</c>) or a bold role label at the start of a line (<c>**User:** text</c>). Optional YAML-style
/// front matter (<c>key: value</c> lines between <c>---</c>) gives id, student, name, email, assignment and model.
/// Headings inside fenced code are content. Scanned by hand, line by line: no regex on untrusted text.
/// </summary>
internal sealed class MarkdownTranscriptFormat : ITraceFormat
{
    private static readonly Dictionary<string, Role> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["user"] = Role.User, ["human"] = Role.User, ["student"] = Role.User, ["you"] = Role.User, ["me"] = Role.User,
        ["prompt"] = Role.User,
        ["assistant"] = Role.Assistant, ["chatgpt"] = Role.Assistant, ["gpt"] = Role.Assistant, ["gpt-4"] = Role.Assistant,
        ["gpt-4o"] = Role.Assistant, ["claude"] = Role.Assistant, ["model"] = Role.Assistant, ["ai"] = Role.Assistant,
        ["bot"] = Role.Assistant, ["le chat"] = Role.Assistant, ["mistral"] = Role.Assistant, ["gemini"] = Role.Assistant,
        ["copilot"] = Role.Assistant, ["response"] = Role.Assistant,
        ["system"] = Role.System, ["tool"] = Role.Tool,
    };

    public string Name => TraceFormats.Markdown;

    public bool Detect(TraceInput input) => input.Text is { } text && Scan(text).Turns.Count > 0;

    public IReadOnlyList<DraftOrError> Read(TraceInput input)
    {
        var (meta, turns) = Scan(input.Text ?? "");
        var messages = new MessageListBuilder();
        foreach (var (role, content) in turns)
            if (!string.IsNullOrWhiteSpace(content)) messages.Add(role, content);

        string? Meta(params string[] keys) => keys.Select(k => meta.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var studentId = Meta("student_id", "student-id", "studentid", "student");
        var name = Meta("name", "student_name", "student-name");
        var email = Meta("email", "student_email", "student-email");
        var student = studentId is null && name is null && email is null ? null : new Student(studentId ?? "", name, email);
        return [new TraceDraft(Meta("id", "trace", "trace_id"), Meta("title"), Meta("assignment"), student, Meta("model"), [], messages.Build())];
    }

    private static (Dictionary<string, string> Meta, List<(Role Role, string Content)> Turns) Scan(string text)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var turns = new List<(Role, string)>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var i = 0;

        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            var end = Array.FindIndex(lines, 1, l => l.Trim() is "---" or "...");
            if (end > 0)
            {
                for (var k = 1; k < end; k++)
                {
                    var colon = lines[k].IndexOf(':');
                    if (colon <= 0) continue;
                    meta[lines[k][..colon].Trim()] = lines[k][(colon + 1)..].Trim().Trim('"', '\'');
                }
                i = end + 1;
            }
        }

        Role? role = null;
        var body = new List<string>();
        string? fence = null;
        void Flush()
        {
            if (role is { } r) turns.Add((r, string.Join('\n', body).Trim('\n', ' ', '\t')));
            body.Clear();
        }

        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal)) fence = null;
                body.Add(line);
                continue;
            }
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = trimmed[..3];
                body.Add(line);
                continue;
            }
            if (RoleLine(trimmed) is { } found)
            {
                Flush();
                role = found.Role;
                if (found.Remainder.Length > 0) body.Add(found.Remainder);
                continue;
            }
            body.Add(line);
        }
        Flush();
        return (meta, turns);
    }

    /// <summary>A heading or bold label naming a role, and any text after a bold label.</summary>
    private static (Role Role, string Remainder)? RoleLine(string line)
    {
        if (line.StartsWith('#'))
        {
            var hashes = 0;
            while (hashes < line.Length && line[hashes] == '#') hashes++;
            if (hashes > 6 || hashes == line.Length || !char.IsWhiteSpace(line[hashes])) return null;
            var label = line[hashes..].Trim().TrimEnd(':').Trim().Trim('*').Trim();
            return RoleWords.TryGetValue(label, out var role) ? (role, "") : null;
        }
        if (line.StartsWith("**", StringComparison.Ordinal))
        {
            var close = line.IndexOf("**", 2, StringComparison.Ordinal);
            if (close < 0 || close > 40) return null;
            var label = line[2..close];
            var rest = line[(close + 2)..];
            // Accept **User:** and **User**: — the colon is what makes it a label, not emphasis.
            if (label.EndsWith(':')) label = label[..^1];
            else if (rest.StartsWith(':')) rest = rest[1..];
            else return null;
            return RoleWords.TryGetValue(label.Trim(), out var role) ? (role, rest.Trim()) : null;
        }
        return null;
    }
}
