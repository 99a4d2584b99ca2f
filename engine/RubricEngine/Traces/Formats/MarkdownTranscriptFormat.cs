using System.Globalization;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// A Markdown transcript, as exporters and copy-paste write them. The file's <em>layout</em> is found from the whole
/// file first — which heading or label form names the user and which names the assistant (<c>## User</c> /
/// <c>## Assistant</c>, <c>## 👤 User</c> / <c>## 🤖 Claude</c>, <c>## Human (2025-11-29 08:00):</c>,
/// <c>##### You said:</c> / <c>###### ChatGPT said:</c> or the same as plain lines, <c>### User, on 11/29/2025 at 8:00 AM;</c>,
/// <c>## Prompt:</c> / <c>## Response:</c>, <c>**User:** text</c>) — and the file is split only at that layout's
/// lines, so a <c>### Model</c> or <c>**AI:**</c> heading inside an answer stays part of the answer. The layout is the
/// pair of user and assistant forms that alternates most often (ties: headings before labels, then the earliest).
/// Text before the first turn (a title, an exporter's <c>**User:** Anonymous</c> / <c>**Created:**</c> header) is
/// metadata; separators (<c>---</c>) and a closing "Powered by …" line are not part of a message. Optional front
/// matter between <c>---</c> lines gives id, student, name, email, assignment and model. Headings inside fenced code
/// are content. Scanned by hand, line by line: no regex on untrusted text.
/// </summary>
internal sealed class MarkdownTranscriptFormat : ITraceFormat
{
    // Longest first, so "le chat" wins over a shorter word and "gpt-4o" over "gpt".
    private static readonly (string Word, Role Role)[] RoleWords = new (string, Role)[]
    {
        ("user", Role.User), ("human", Role.User), ("student", Role.User), ("you", Role.User), ("me", Role.User), ("prompt", Role.User),
        ("assistant", Role.Assistant), ("chatgpt", Role.Assistant), ("gpt", Role.Assistant), ("gpt-4", Role.Assistant),
        ("gpt-4o", Role.Assistant), ("gpt-5", Role.Assistant), ("claude", Role.Assistant), ("model", Role.Assistant), ("ai", Role.Assistant),
        ("bot", Role.Assistant), ("le chat", Role.Assistant), ("mistral", Role.Assistant), ("gemini", Role.Assistant),
        ("copilot", Role.Assistant), ("response", Role.Assistant), ("answer", Role.Assistant), ("grok", Role.Assistant),
        ("deepseek", Role.Assistant), ("qwen", Role.Assistant), ("perplexity", Role.Assistant), ("bard", Role.Assistant),
        ("system", Role.System), ("tool", Role.Tool),
    }.OrderByDescending(w => w.Item1.Length).ToArray();

    private const int MaxFormsPerRole = 8;

    public string Name => TraceFormats.Markdown;

    public bool IsJson => false;

    public string LooksFor =>
        "role headings or labels naming both the user and the assistant ('## User' / '## Assistant', '**User:**', '## 👤 User', " +
        "'## Human (…):', 'You said:' / 'ChatGPT said:', '### User, on …;', '## Prompt:' / '## Response:')";

    public string? Detect(TraceInput input)
    {
        if (input.Text is not { } text) return null;
        var layout = Scan(text).Layout;
        return layout is null ? null : $"Markdown transcript, layout {layout}";
    }

    /// <summary>Why no layout was found: what was looked for, and which role lines there were.</summary>
    public string WhyNot(string text)
    {
        var candidates = Candidates(Body(text, out _));
        var roles = candidates.Select(c => c.Role).Distinct().ToArray();
        var found = candidates.Count == 0
            ? "no role headings found"
            : $"only {string.Join(" and ", roles.Select(r => r.ToString().ToLowerInvariant()))} headings found ('{candidates[0].Line.Trim()}', line {candidates[0].Index + 1}), none naming the {(roles.Contains(Role.User) ? "assistant" : "user")}";
        return $"unrecognised Markdown layout: {found}; looked for {LooksFor}";
    }

    public IReadOnlyList<DraftOrError> Read(TraceInput input)
    {
        var (meta, turns, _) = Scan(input.Text ?? "");
        var messages = new MessageListBuilder();
        foreach (var (role, content, attachments) in turns)
            if (!string.IsNullOrWhiteSpace(content) || attachments.Count > 0) messages.Add(role, content, attachments: attachments);

        string? Meta(params string[] keys) => keys.Select(k => meta.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var studentId = Meta("student_id", "student-id", "studentid", "student");
        var name = Meta("name", "student_name", "student-name");
        var email = Meta("email", "student_email", "student-email");
        var student = studentId is null && name is null && email is null ? null : new Student(studentId ?? "", name, email);
        return [new TraceDraft(Meta("id", "trace", "trace_id"), Meta("title"), Meta("assignment"), student, Meta("model"), [], messages.Build())];
    }

    /// <summary>A line that names a role: where, which role, the label, its form, and text after a bold label.</summary>
    private sealed record Candidate(int Index, string Line, Role Role, string Label, string Form, string Remainder)
    {
        public string Key => Form + "|" + Label;
    }

    private sealed record Layout(Candidate User, Candidate Assistant)
    {
        public bool Matches(Candidate c) => c.Key == User.Key || c.Key == Assistant.Key;

        public override string ToString() => $"'{User.Line.Trim()}' / '{Assistant.Line.Trim()}'";
    }

    private static (Dictionary<string, string> Meta, List<(Role Role, string Content, IReadOnlyList<Attachment> Attachments)> Turns, Layout? Layout) Scan(string text)
    {
        var turns = new List<(Role, string, IReadOnlyList<Attachment>)>();
        var lines = Body(text, out var meta);
        var candidates = Candidates(lines);
        var layout = ChooseLayout(candidates);
        if (layout is null) return (meta, turns, null);

        var starts = new List<Candidate>();
        var seenAssistant = false;
        foreach (var c in candidates)
        {
            if (layout.Matches(c)) { starts.Add(c); seenAssistant |= c.Role == Role.Assistant; }
            // A system prompt at the top, in the user's form ("## System" beside "## User").
            else if (!seenAssistant && c.Role == Role.System && c.Form == layout.User.Form) starts.Add(c);
        }

        for (var s = 0; s < starts.Count; s++)
        {
            var start = starts[s];
            var end = s + 1 < starts.Count ? starts[s + 1].Index : lines.Length;
            var body = new List<string>();
            if (start.Remainder.Length > 0) body.Add(start.Remainder);
            for (var i = start.Index + 1; i < end; i++) body.Add(lines[i]);
            var attachments = new List<Attachment>();
            Clean(body, last: s == starts.Count - 1, attachments);
            turns.Add((start.Role, string.Join('\n', body).Trim('\n', ' ', '\t'), attachments));
        }
        return (meta, turns, layout);
    }

    /// <summary>The lines after the front matter (if any), which fills <paramref name="meta"/>.</summary>
    private static string[] Body(string text, out Dictionary<string, string> meta)
    {
        meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
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
                // Blank the front matter so line numbers stay those of the file.
                for (var k = 0; k <= end; k++) lines[k] = "";
            }
        }
        return lines;
    }

    private static List<Candidate> Candidates(string[] lines)
    {
        var candidates = new List<Candidate>();
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal)) fence = null;
                continue;
            }
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = trimmed[..3];
                continue;
            }
            if (RoleLine(i, lines[i], trimmed) is { } c) candidates.Add(c);
        }
        return candidates;
    }

    /// <summary>
    /// The user/assistant pair of forms that alternates most often: each pair is scored by the number of turns it
    /// would give (runs of the same role count once); ties go to headings, then to the pair that starts earliest.
    /// </summary>
    private static Layout? ChooseLayout(List<Candidate> candidates)
    {
        // The most frequent forms per role only: a hostile file with thousands of distinct role lines must not make
        // this quadratic (pairs × lines). A real layout is among its role's most frequent forms.
        Candidate[] Top(Role role) => candidates.Where(c => c.Role == role).GroupBy(c => c.Key)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Index).Take(MaxFormsPerRole).Select(g => g.First()).ToArray();
        var users = Top(Role.User);
        var assistants = Top(Role.Assistant);
        Layout? best = null;
        (int Runs, int Headings, int Start) bestScore = default;
        foreach (var u in users)
            foreach (var a in assistants)
            {
                var layout = new Layout(u, a);
                int runs = 0, start = -1;
                Role? last = null;
                foreach (var c in candidates)
                {
                    if (!layout.Matches(c)) continue;
                    if (start < 0) start = c.Index;
                    if (c.Role != last) runs++;
                    last = c.Role;
                }
                var headings = (u.Form.StartsWith('h') ? 1 : 0) + (a.Form.StartsWith('h') ? 1 : 0);
                var score = (runs, headings, -start);
                if (best is null || score.CompareTo(bestScore) > 0) (best, bestScore) = (layout, score);
            }
        return best;
    }

    /// <summary>Drops separators, an exporter's closing "Powered by …" line, and a quote prefix on every line; reads attachment lines.</summary>
    private static void Clean(List<string> body, bool last, List<Attachment> attachments)
    {
        void TrimEnd()
        {
            while (body.Count > 0 && (string.IsNullOrWhiteSpace(body[^1]) || body[^1].Trim() is "---" or "***" or "___")) body.RemoveAt(body.Count - 1);
        }
        TrimEnd();
        // An exporter's credit ("Powered by Claude Exporter") or the page's disclaimer copied with the chat.
        while (last && body.Count > 0 && IsFooter(body[^1]))
        {
            body.RemoveAt(body.Count - 1);
            TrimEnd();
        }
        // withLinda/claude-conversation-exporter ends each message with its time in italics ("*11/29/2025, 8:00:41 AM*").
        if (body.Count > 0 && IsItalicTime(body[^1]))
        {
            body.RemoveAt(body.Count - 1);
            TrimEnd();
        }
        RemoveThinking(body);
        // "### User, on …;" transcripts quote every line of a message.
        var nonBlank = body.Where(l => l.Trim().Length > 0).ToArray();
        if (nonBlank.Length > 0 && nonBlank.All(l => l.TrimStart().StartsWith('>')))
            for (var i = 0; i < body.Count; i++)
            {
                var t = body[i].TrimStart();
                body[i] = t.StartsWith("> ", StringComparison.Ordinal) ? t[2..] : t.StartsWith('>') ? t[1..] : body[i];
            }
        // AI Chat Archive lists a turn's files first: "> 📎 Attachment: brief.pdf (234.5 KB)", "> 📎 File: guide.pdf".
        while (body.Count > 0 && (string.IsNullOrWhiteSpace(body[0]) || AttachmentLine(body[0]) is not null))
        {
            if (AttachmentLine(body[0]) is { } name) attachments.Add(new Attachment(name, MediaTypes.Of(null, name), null));
            body.RemoveAt(0);
        }
    }

    private static bool IsItalicTime(string line)
    {
        var t = line.Trim();
        if (t.Length < 3 || t.Length > 60 || !(t.StartsWith('*') && t.EndsWith('*') || t.StartsWith('_') && t.EndsWith('_'))) return false;
        t = t.Trim('*', '_').Trim();
        return DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
            || DateTime.TryParse(t, CultureInfo.GetCultureInfo("en-US"), DateTimeStyles.AllowWhiteSpaces, out _);
    }

    /// <summary>
    /// Hidden reasoning an exporter printed (<c>**Thinking:**</c> and a fenced block, then optional
    /// <c>**Summaries:**</c> bullets) is not what the student was shown as the answer.
    /// </summary>
    private static void RemoveThinking(List<string> body)
    {
        for (var i = 0; i < body.Count; i++)
        {
            if (body[i].Trim() != "**Thinking:**") continue;
            var j = i + 1;
            while (j < body.Count && string.IsNullOrWhiteSpace(body[j])) j++;
            if (j >= body.Count || !body[j].TrimStart().StartsWith("```", StringComparison.Ordinal)) continue;
            var close = j + 1;
            while (close < body.Count && !body[close].TrimStart().StartsWith("```", StringComparison.Ordinal)) close++;
            if (close >= body.Count) return; // no closing fence: none further down closes either
            var end = close + 1;
            var k = end;
            while (k < body.Count && string.IsNullOrWhiteSpace(body[k])) k++;
            if (k < body.Count && body[k].Trim() == "**Summaries:**")
            {
                k++;
                while (k < body.Count && body[k].TrimStart().StartsWith("- ", StringComparison.Ordinal)) k++;
                end = k;
            }
            while (end < body.Count && string.IsNullOrWhiteSpace(body[end])) end++;
            body.RemoveRange(i, end - i);
            i--;
        }
    }

    private static bool IsFooter(string line)
    {
        var t = line.Trim().Trim('*', '_', ' ');
        return t.StartsWith("Powered by", StringComparison.OrdinalIgnoreCase)
            || (t.Contains(" can make mistakes", StringComparison.OrdinalIgnoreCase) && t.Length < 120);
    }

    private static string? AttachmentLine(string line)
    {
        var t = line.TrimStart().TrimStart('>').TrimStart();
        if (!t.StartsWith("📎", StringComparison.Ordinal)) return null;
        t = t["📎".Length..].TrimStart();
        foreach (var prefix in new[] { "Attachment:", "File:" })
            if (t.StartsWith(prefix, StringComparison.Ordinal))
            {
                var name = t[prefix.Length..].Trim();
                // "(234.5 KB)" after the name is its size.
                if (name.EndsWith(')') && name.LastIndexOf(" (", StringComparison.Ordinal) is var open and > 0) name = name[..open];
                return name.Length > 0 ? name : null;
            }
        return null;
    }

    /// <summary>A heading, bold label or plain "X said:" line naming a role; null for any other line.</summary>
    private static Candidate? RoleLine(int index, string line, string trimmed)
    {
        if (trimmed.StartsWith('#'))
        {
            var hashes = 0;
            while (hashes < trimmed.Length && trimmed[hashes] == '#') hashes++;
            if (hashes > 6 || hashes == trimmed.Length || !char.IsWhiteSpace(trimmed[hashes])) return null;
            var text = trimmed[hashes..].Trim();
            if (Label(text, out var emoji) is not var (role, label, tail)) return null;
            var bold = text.Contains("**", StringComparison.Ordinal) || text.Contains("__", StringComparison.Ordinal);
            // ChatGPT's page writes "You said:" at one heading level and "ChatGPT said:" at another.
            var level = tail == "said" ? "" : hashes.ToString(CultureInfo.InvariantCulture);
            return new Candidate(index, line, role, label, $"h{level}{(emoji ? "e" : "")}{(bold ? "b" : "")}{tail}", "");
        }
        if (trimmed.StartsWith("**", StringComparison.Ordinal) || trimmed.StartsWith("__", StringComparison.Ordinal))
        {
            var marker = trimmed[..2];
            var close = trimmed.IndexOf(marker, 2, StringComparison.Ordinal);
            if (close < 0 || close > 40) return null;
            var inner = trimmed[2..close];
            var rest = trimmed[(close + 2)..];
            // Accept **User:** and **User**: — the colon is what makes it a label, not emphasis.
            if (inner.EndsWith(':')) inner = inner[..^1];
            else if (rest.StartsWith(':')) rest = rest[1..];
            else return null;
            if (Label(inner.Trim(), out var emoji) is not var (role, label, tail) || tail is "said" or "on") return null;
            return new Candidate(index, line, role, label, $"bold{(emoji ? "e" : "")}", rest.Trim());
        }
        // Copied from the rendered page: "You said:" / "ChatGPT said:" alone on a line, or "User:" alone.
        var plain = trimmed.TrimEnd();
        if (plain.Length is > 0 and < 40 && plain.EndsWith(':') && Label(plain, out var e2) is var (r, l, t) && t is "said" or "")
            return new Candidate(index, line, r, l, $"plain{(e2 ? "e" : "")}{t}", "");
        return null;
    }

    /// <summary>
    /// The role word a label starts with and the kind of text after it ("", "said", "paren", "on"); null when the
    /// label is not a role ("Model architecture", "User stories").
    /// </summary>
    private static (Role Role, string Label, string Tail)? Label(string text, out bool emoji)
    {
        var s = text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Trim();
        var lead = 0;
        while (lead < s.Length && !char.IsLetterOrDigit(s[lead])) lead++;
        emoji = lead > 0;
        s = s[lead..];
        foreach (var (word, role) in RoleWords)
        {
            if (!s.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
            if (s.Length > word.Length && (char.IsLetterOrDigit(s[word.Length]) || s[word.Length] == '-')) continue;
            var tail = s[word.Length..].Trim();
            string? kind = tail switch
            {
                "" or ":" => "",
                _ when tail.Equals("said:", StringComparison.OrdinalIgnoreCase) || tail.Equals("said", StringComparison.OrdinalIgnoreCase) => "said",
                _ when tail.StartsWith('(') && (tail.EndsWith(')') || tail.EndsWith("):", StringComparison.Ordinal)) => "paren",
                _ when tail.StartsWith(", on ", StringComparison.OrdinalIgnoreCase) => "on",
                _ => null,
            };
            return kind is null ? null : (role, word, kind);
        }
        return null;
    }
}
