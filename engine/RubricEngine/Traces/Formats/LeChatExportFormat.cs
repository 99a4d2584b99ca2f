using System.Text;
using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// Mistral Le Chat's per-chat export <c>chat-&lt;uuid&gt;.json</c>: a JSON array of messages
/// <c>{id, chatId, role, content, contentChunks, createdAt, files}</c>. The array is <em>not</em> in the order the
/// messages were written, so they are sorted by <c>createdAt</c> (stable: equal or missing times keep their order).
/// <c>contentChunks</c>, when present, is the message: its <c>text</c> chunks concatenated; <c>reference</c> chunks
/// (citation marks) and <c>tool_call</c> chunks (web searches) are not text the student saw as the answer. The trace
/// id is <c>chatId</c>. Shapes per Superkikim/nexus-ai-chat-importer src/providers/lechat/lechat-types.ts.
/// </summary>
internal sealed class LeChatExportFormat : ITraceFormat
{
    public string Name => TraceFormats.LeChat;

    public bool IsJson => true;

    public string LooksFor => "an array of role/content messages (Le Chat)";

    public string? Detect(TraceInput input) =>
        input.Json is { ValueKind: JsonValueKind.Array } root &&
        root.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first &&
        first.TryGetProperty("role", out _) && (first.TryGetProperty("content", out _) || first.TryGetProperty("contentChunks", out _))
            ? first.TryGetProperty("chatId", out _) ? "an array of messages with 'role', 'content' and 'chatId'" : "an array of messages with 'role' and 'content'"
            : null;

    public IReadOnlyList<DraftOrError> Read(TraceInput input) => [DraftOrError.Try(() => ReadChat(input.Root))];

    private static TraceDraft ReadChat(JsonCursor root)
    {
        var items = root.Items().ToArray();
        foreach (var m in items) m.ExpectKind(JsonValueKind.Object);
        var ordered = items.Select((m, i) => (Message: m, Time: ImportHelpers.OptionalTime(m, "createdAt"), Index: i))
            .OrderBy(x => x.Time ?? DateTimeOffset.MinValue).ThenBy(x => x.Index).ToArray();
        // Sorting by time is only safe when every message has one; otherwise keep the file's order.
        if (ordered.Any(x => x.Time is null)) ordered = ordered.OrderBy(x => x.Index).ToArray();

        var messages = new MessageListBuilder();
        string? model = null, chatId = null;
        foreach (var (m, time, _) in ordered)
        {
            var roleCursor = m.Required("role");
            var role = roleCursor.String() switch
            {
                "user" => Role.User,
                "assistant" => Role.Assistant,
                "system" => Role.System,
                "tool" => Role.Tool,
                var other => throw roleCursor.Invalid($"expected one of user, assistant, system, tool but found '{JsonCursor.Shorten(other)}'"),
            };
            chatId ??= m.Optional("chatId") is { Kind: JsonValueKind.String } c ? c.String() : null;
            var content = Content(m);
            var attachments = m.OptionalItems("files").Select(f => f.Kind switch
            {
                JsonValueKind.String => new Attachment(f.String(), MediaTypes.Of(null, f.String()), null),
                JsonValueKind.Object => File(f),
                _ => throw f.WrongType("an object"),
            }).ToArray();
            if (role == Role.Assistant && m.Optional("model") is { Kind: JsonValueKind.String } slug) model = slug.String();
            if (string.IsNullOrWhiteSpace(content) && attachments.Length == 0) continue;
            messages.Add(role, content, time, attachments);
        }
        return new TraceDraft(chatId, null, null, null, model, [], messages.Build());
    }

    private static Attachment File(JsonCursor f)
    {
        var name = f.OptionalString("name") ?? f.OptionalString("fileName") ?? f.OptionalString("file_name") ?? "file";
        return new Attachment(name, MediaTypes.Of(f.OptionalString("mimeType") ?? f.OptionalString("type"), name), null);
    }

    /// <summary>The text chunks joined as written (they split one text at citation marks), else <c>content</c>.</summary>
    private static string Content(JsonCursor m)
    {
        var chunks = m.Optional("contentChunks") is { IsArray: true } cc ? cc : m.Optional("content") is { IsArray: true } arr ? arr : (JsonCursor?)null;
        if (chunks is { } list)
        {
            var sb = new StringBuilder();
            foreach (var chunk in list.Items())
                if (chunk.IsObject && chunk.OptionalString("type") is null or "text" && chunk.Optional("text") is { Kind: JsonValueKind.String } text)
                    sb.Append(text.String());
            if (sb.Length > 0 || m.Optional("content") is not { Kind: JsonValueKind.String }) return sb.ToString();
        }
        var content = m.Optional("content");
        return content switch
        {
            null => "",
            { Kind: JsonValueKind.String } s => s.String(),
            { Kind: JsonValueKind.Array } => "",
            { } other => throw other.WrongType("a string"),
        };
    }
}
