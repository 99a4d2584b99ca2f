using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// Mistral Le Chat's per-chat export: a JSON array of messages <c>{role, content, createdAt, files}</c>.
/// It names no conversation, so the trace id comes from the file.
/// </summary>
internal sealed class LeChatExportFormat : ITraceFormat
{
    public string Name => TraceFormats.LeChat;

    public bool Detect(TraceInput input) =>
        input.Json is { ValueKind: JsonValueKind.Array } root &&
        root.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first &&
        first.TryGetProperty("role", out _) && first.TryGetProperty("content", out _);

    public IReadOnlyList<DraftOrError> Read(TraceInput input) => [DraftOrError.Try(() => ReadChat(input.Root))];

    private static TraceDraft ReadChat(JsonCursor root)
    {
        var messages = new MessageListBuilder();
        string? model = null;
        foreach (var m in root.Items())
        {
            m.ExpectKind(JsonValueKind.Object);
            var roleCursor = m.Required("role");
            var role = roleCursor.String() switch
            {
                "user" => Role.User,
                "assistant" => Role.Assistant,
                "system" => Role.System,
                "tool" => Role.Tool,
                var other => throw roleCursor.Invalid($"expected one of user, assistant, system, tool but found '{JsonCursor.Shorten(other)}'"),
            };
            // Content is a string; some exports split it into chunks {type:"text", text}.
            var contentCursor = m.Required("content");
            var content = contentCursor.Kind switch
            {
                JsonValueKind.String => contentCursor.String(),
                JsonValueKind.Array => string.Join("\n\n", contentCursor.Items()
                    .Where(c => c.IsObject && c.Optional("text") is { Kind: JsonValueKind.String })
                    .Select(c => c.RequiredString("text"))),
                _ => throw contentCursor.WrongType("a string"),
            };
            var attachments = m.OptionalItems("files").Select(f => f.Kind switch
            {
                JsonValueKind.String => new Attachment(f.String(), null, null),
                JsonValueKind.Object => new Attachment(f.OptionalString("name") ?? f.OptionalString("fileName") ?? f.OptionalString("file_name") ?? "file",
                    f.OptionalString("type") ?? f.OptionalString("mimeType"), null),
                _ => throw f.WrongType("an object"),
            }).ToArray();
            if (role == Role.Assistant && m.Optional("model") is { Kind: JsonValueKind.String } slug) model = slug.String();
            if (string.IsNullOrWhiteSpace(content) && attachments.Length == 0) continue;
            messages.Add(role, content, ImportHelpers.OptionalTime(m, "createdAt"), attachments);
        }
        return new TraceDraft(null, null, null, null, model, [], messages.Build());
    }
}
