using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// OpenAI chat format, as in fine-tuning and evaluation JSONL files and API logs: <c>{"messages":[{"role","content"}]}</c>,
/// one per line (or one object, or an array). <c>content</c> is a string or a list of parts (<c>{"type":"text","text"}</c>);
/// roles <c>developer</c> → system, <c>function</c> → tool. An assistant message that only calls tools
/// (<c>content: null</c>, <c>tool_calls</c>) is skipped: the tool's result follows as a tool message.
/// </summary>
internal sealed class OpenAiChatFormat : ITraceFormat
{
    public string Name => TraceFormats.OpenAiChat;

    public bool IsJson => true;

    public string LooksFor => "'messages' with role/content (OpenAI chat)";

    public string? Detect(TraceInput input) =>
        ImportHelpers.FirstObject(input) is { } first && first.TryGetProperty("messages", out var messages)
        && messages.ValueKind == JsonValueKind.Array
        && (messages.GetArrayLength() == 0 || messages[0] is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("role", out _))
            ? "an object with 'messages' of role/content"
            : null;

    public IReadOnlyList<DraftOrError> Read(TraceInput input) =>
        ImportHelpers.Conversations(input).Select(c => DraftOrError.Try(() => ReadConversation(c))).ToArray();

    private static TraceDraft ReadConversation(JsonCursor conversation)
    {
        conversation.ExpectKind(JsonValueKind.Object);
        var messages = new MessageListBuilder();
        foreach (var m in conversation.Required("messages").Items())
        {
            m.ExpectKind(JsonValueKind.Object);
            var roleCursor = m.Required("role");
            var role = roleCursor.String() switch
            {
                "user" => Role.User,
                "assistant" => Role.Assistant,
                "system" or "developer" => Role.System,
                "tool" or "function" => Role.Tool,
                var other => throw roleCursor.Invalid($"expected one of user, assistant, system, developer, tool but found '{JsonCursor.Shorten(other)}'"),
            };
            var content = m.Optional("content") switch
            {
                null => "",
                { Kind: JsonValueKind.String } s => s.String(),
                { Kind: JsonValueKind.Array } parts => string.Join("\n\n", parts.Items()
                    .Where(p => p.IsObject && p.Optional("text") is { Kind: JsonValueKind.String })
                    .Select(p => p.RequiredString("text"))),
                { } other => throw other.WrongType("a string or a list of parts"),
            };
            if (string.IsNullOrWhiteSpace(content)) continue;
            messages.Add(role, content);
        }
        var id = conversation.Optional("id") is { Kind: JsonValueKind.String } idCursor ? idCursor.String() : null;
        return new TraceDraft(id, null, null, null, conversation.OptionalString("model"), [], messages.Build());
    }
}
