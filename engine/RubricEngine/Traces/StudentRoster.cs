using System.Text;

namespace RubricEngine.Traces;

/// <summary>
/// A class roster CSV mapping trace files or trace ids to students. The header names the columns, in any
/// order and case: <c>file</c>, <c>trace</c> (or <c>trace_id</c>), <c>student</c> (or <c>student_id</c>, <c>id</c>),
/// <c>name</c>, <c>email</c>. Needs a student column and a file or trace column. RFC 4180 quoting.
/// </summary>
internal sealed class StudentRoster
{
    private readonly Dictionary<string, Student> _byTrace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Student?> _byFile = new(StringComparer.Ordinal);

    private StudentRoster(IReadOnlyList<RosterEntry> entries)
    {
        Entries = entries;
        foreach (var e in entries)
        {
            if (!string.IsNullOrEmpty(e.TraceId)) _byTrace.TryAdd(e.TraceId, e.Student);
            if (!string.IsNullOrEmpty(e.File))
            {
                // The same file listed for two students matches neither: guessing would grade the wrong person.
                var key = NormalizePath(e.File);
                _byFile[key] = _byFile.TryGetValue(key, out var known) && known != e.Student ? null : e.Student;
            }
        }
    }

    public IReadOnlyList<RosterEntry> Entries { get; }

    /// <summary>Reads a roster file. Throws <see cref="FormatException"/> naming the file and line when it is malformed.</summary>
    public static StudentRoster Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    /// <summary>Parses roster CSV text. Throws <see cref="FormatException"/> naming the line when it is malformed.</summary>
    public static StudentRoster Parse(string csv, string source = "roster")
    {
        var rows = CsvRows.Parse(csv, source);
        if (rows.Count == 0) throw new FormatException($"{source}: the roster is empty; it needs a header line");
        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant().Replace(" ", "_").Replace("-", "_")).ToArray();
        int Column(params string[] names) => Array.FindIndex(header, h => names.Contains(h));
        var file = Column("file", "path", "file_name", "filename");
        var trace = Column("trace", "trace_id", "traceid", "conversation", "conversation_id");
        var student = Column("student", "student_id", "studentid", "id", "sid");
        var name = Column("name", "student_name");
        var email = Column("email", "e_mail", "student_email");
        if (student < 0) throw new FormatException($"{source}(1): the roster needs a student id column (student, student_id or id)");
        if (file < 0 && trace < 0) throw new FormatException($"{source}(1): the roster needs a file or trace column");

        var entries = new List<RosterEntry>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            string? Field(int i) => i >= 0 && i < fields.Count && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;
            var id = Field(student) ?? throw new FormatException($"{source}({line}): the student id is empty");
            var fileValue = Field(file);
            var traceValue = Field(trace);
            if (fileValue is null && traceValue is null) throw new FormatException($"{source}({line}): give a file or a trace id");
            entries.Add(new RosterEntry(fileValue, traceValue, new Student(id, Field(name), Field(email))));
        }
        return new StudentRoster(entries);
    }

    /// <summary>
    /// The student for a trace: by trace id first, then by the file's path as given, then by the path's trailing parts
    /// (a roster line <c>ana/conversations.json</c> matches <c>submissions/ana/conversations.json</c>).
    /// </summary>
    public Student? Find(string file, string? traceId)
    {
        if (traceId is not null && _byTrace.TryGetValue(traceId, out var byTrace)) return byTrace;
        var path = NormalizePath(file);
        if (_byFile.TryGetValue(path, out var byPath)) return byPath;
        // Then the path's tails, longest first: "ana/conversations.json", then "conversations.json".
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
            if (_byFile.TryGetValue(path[(slash + 1)..], out var byTail)) return byTail;
        return null;
    }

    private static string NormalizePath(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        return p;
    }
}
