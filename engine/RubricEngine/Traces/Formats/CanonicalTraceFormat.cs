using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// The engine's own format, <c>rubric-trace/1</c>: one trace per <c>.json</c> file or one per line of a
/// <c>.jsonl</c> file. Every field is checked for presence and type; unknown fields are ignored.
/// </summary>
internal sealed class CanonicalTraceFormat : ITraceFormat
{
    public string Name => TraceFormats.Canonical;

    public bool IsJson => true;

    public string LooksFor => "'format' (rubric-trace/1)";

    /// <summary>Any object with a <c>format</c> field is ours, so a wrong version gets a clear message.</summary>
    public string? Detect(TraceInput input) =>
        input.Json is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("format", out var format) &&
        (format.ValueKind != JsonValueKind.String || Json.JsonStrings.Get(format).StartsWith("rubric-trace", StringComparison.Ordinal))
            ? "an object with 'format'"
            : null;

    public IReadOnlyList<DraftOrError> Read(TraceInput input) => [DraftOrError.Try(() => ReadTrace(input.Root))];

    private static TraceDraft ReadTrace(JsonCursor root)
    {
        root.ExpectKind(JsonValueKind.Object);
        var format = root.Required("format");
        if (format.String() != TraceFormats.Canonical)
            throw format.Invalid($"unsupported format '{JsonCursor.Shorten(format.String())}': this engine reads {TraceFormats.Canonical}");

        var id = root.Required("id");
        if (id.String().Trim().Length == 0) throw id.Invalid("the trace id is empty");

        Student? student = null;
        var studentPath = root.Path;
        if (root.Optional("student") is { } s)
        {
            studentPath = s.Path;
            s.ExpectKind(JsonValueKind.Object);
            // A missing student id may still come from the roster or file name; the reader decides.
            student = new Student(s.OptionalString("id") ?? "", s.OptionalString("name"), s.OptionalString("email"));
        }

        var sources = root.OptionalItems("sources").Select(src =>
        {
            src.ExpectKind(JsonValueKind.Object);
            return new SourceText(src.RequiredString("id"), src.OptionalString("title"), src.RequiredString("text"));
        }).ToArray();

        var messages = new MessageListBuilder();
        foreach (var m in root.Required("messages").Items())
        {
            m.ExpectKind(JsonValueKind.Object);
            var roleCursor = m.Required("role");
            var role = ParseRole(roleCursor);
            var content = m.RequiredString("content");
            var time = m.Optional("time")?.DateTime();
            var attachments = m.OptionalItems("attachments").Select(a =>
            {
                a.ExpectKind(JsonValueKind.Object);
                return new Attachment(a.RequiredString("name"), a.OptionalString("mediaType"), a.OptionalString("text"));
            }).ToArray();
            var annotations = m.OptionalItems("annotations").Select(a =>
            {
                a.ExpectKind(JsonValueKind.Object);
                var tags = a.OptionalItems("tags").Select(t => t.String()).ToArray();
                return new Annotation(a.RequiredString("text"), a.OptionalString("quote"), tags);
            }).ToArray();
            messages.Add(role, content, time, attachments, annotations, m.OptionalString("question"));
        }

        return new TraceDraft(id.String(), null, root.OptionalString("assignment"), student, root.OptionalString("model"), sources, messages.Build())
        {
            IdPath = id.Path,
            StudentPath = studentPath,
        };
    }

    private static Role ParseRole(JsonCursor cursor) => cursor.String() switch
    {
        "user" => Role.User,
        "assistant" => Role.Assistant,
        "system" => Role.System,
        "tool" => Role.Tool,
        var other => throw cursor.Invalid($"expected one of user, assistant, system, tool but found '{JsonCursor.Shorten(other)}'"),
    };
}
