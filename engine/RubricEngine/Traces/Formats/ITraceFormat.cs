using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// One trace format: its name, whether a file's content looks like it (and why), and how to read it into drafts
/// (traces before student identity and ids are settled by the reader). A new format is one class listed in
/// <see cref="TraceFormatRegistry"/>, plus its fixtures.
/// </summary>
internal interface ITraceFormat
{
    /// <summary>One of <see cref="TraceFormats"/>.</summary>
    string Name { get; }

    /// <summary>True for JSON formats (the input carries a parsed root), false for text (Markdown) formats.</summary>
    bool IsJson { get; }

    /// <summary>What detection looks for, for the message when no format matches: <c>'mapping' (ChatGPT)</c>.</summary>
    string LooksFor { get; }

    /// <summary>
    /// Why the content is in this format (<c>conversations with 'mapping'</c>), or null when it is not. Cheap: looks
    /// at the shape, never reads everything.
    /// </summary>
    string? Detect(TraceInput input);

    /// <summary>Each conversation in the input, or the reason it cannot be read. Never throws for bad input.</summary>
    IReadOnlyList<DraftOrError> Read(TraceInput input);
}

/// <summary>
/// A file (or one line of a JSONL file) ready for a format: JSON inputs carry their parsed root,
/// text inputs their decoded text.
/// </summary>
internal sealed class TraceInput(string file, JsonElement? json, string? text)
{
    public string File { get; } = file;

    public JsonElement? Json { get; } = json;

    public string? Text { get; } = text;

    public JsonCursor Root => Json is { } json ? JsonCursor.Root(json) : throw new InvalidOperationException("not a JSON input");
}

/// <summary>A conversation read from an input, before identity and id are settled.</summary>
internal sealed record TraceDraft(
    string? Id,
    string? Title,
    string? Assignment,
    Student? Student,
    string? Model,
    IReadOnlyList<SourceText> Sources,
    IReadOnlyList<Message> Messages)
{
    /// <summary>Where the id sits, so a duplicate id error can point at it.</summary>
    public JsonPath? IdPath { get; init; }

    /// <summary>Where the student sits (canonical traces), for a missing-student error.</summary>
    public JsonPath? StudentPath { get; init; }
}

internal readonly record struct DraftOrError(TraceDraft? Draft, TraceFormatException? Error)
{
    public static implicit operator DraftOrError(TraceDraft draft) => new(draft, null);

    public static implicit operator DraftOrError(TraceFormatException error) => new(null, error);

    /// <summary>Runs <paramref name="read"/>, turning a format error into an error entry so siblings still read.</summary>
    public static DraftOrError Try(Func<TraceDraft> read)
    {
        try { return read(); }
        catch (TraceFormatException e) { return e; }
    }
}

/// <summary>Builds a message list with consecutive indexes, whatever the importer skipped.</summary>
internal sealed class MessageListBuilder
{
    private readonly List<Message> _messages = [];

    public void Add(Role role, string content, DateTimeOffset? time = null, IReadOnlyList<Attachment>? attachments = null,
        IReadOnlyList<Annotation>? annotations = null, string? question = null) =>
        _messages.Add(new Message(_messages.Count, role, content, time, attachments ?? [], annotations ?? [], question));

    public IReadOnlyList<Message> Build() => _messages.ToArray();
}

/// <summary>Helpers shared by importers.</summary>
internal static class ImportHelpers
{
    /// <summary>Unix seconds (possibly fractional) to a time; null when out of range or not finite.</summary>
    public static DateTimeOffset? FromUnixSeconds(double? seconds)
    {
        if (seconds is not { } s || !double.IsFinite(s)) return null;
        var ms = Math.Round(s * 1000);
        if (ms < -62135596800000 || ms > 253402300799999) return null;
        return DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
    }

    /// <summary>An optional time that may be ISO 8601 text or unix seconds; unreadable values are errors.</summary>
    public static DateTimeOffset? OptionalTime(JsonCursor obj, string name)
    {
        if (obj.Optional(name) is not { } value) return null;
        return value.Kind switch
        {
            JsonValueKind.String => value.DateTime(),
            JsonValueKind.Number => FromUnixSeconds(value.Number()) ?? throw value.Invalid("time is out of range"),
            _ => throw value.WrongType("a date-time string"),
        };
    }

    /// <summary>True when the root (or, for an array, its first object) has the property.</summary>
    public static bool FirstObjectHas(TraceInput input, params string[] names)
    {
        if (input.Json is not { } root) return false;
        var first = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object),
            JsonValueKind.Object => root,
            _ => default,
        };
        return first.ValueKind == JsonValueKind.Object && names.All(n => first.TryGetProperty(n, out _));
    }

    /// <summary>The root (or, for an array, its first object) when it is an object; else null.</summary>
    public static JsonElement? FirstObject(TraceInput input)
    {
        if (input.Json is not { } root) return null;
        var first = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object),
            JsonValueKind.Object => root,
            _ => default,
        };
        return first.ValueKind == JsonValueKind.Object ? first : null;
    }

    /// <summary>"an array of conversations with 'x'" or "a conversation with 'x'": the detection reason for <paramref name="field"/>.</summary>
    public static string? HasField(TraceInput input, string field, string what = "conversation") =>
        FirstObject(input) is { } first && first.TryGetProperty(field, out _)
            ? input.Json!.Value.ValueKind == JsonValueKind.Array ? $"an array of {what}s with '{field}'" : $"a {what} with '{field}'"
            : null;

    /// <summary>The conversations of an export: the root array's items, or the root object alone.</summary>
    public static IEnumerable<JsonCursor> Conversations(TraceInput input)
    {
        var root = input.Root;
        return root.IsArray ? root.Items() : [root];
    }
}
