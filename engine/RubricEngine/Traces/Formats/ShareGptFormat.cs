using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// ShareGPT conversations <c>{id?, system?, conversations:[{from, value}]}</c>: one object, an array of them, or one
/// per line of a <c>.jsonl</c> file. Datasets built on it also write turns as <c>{role, content}</c> and add function
/// calling roles (<c>function_call</c>, <c>function-call</c>, <c>observation</c>, <c>function_response</c>); a
/// top-level <c>system</c> prompt becomes the first message.
/// </summary>
internal sealed class ShareGptFormat : ITraceFormat
{
    public string Name => TraceFormats.ShareGpt;

    public bool IsJson => true;

    public string LooksFor => "'conversations' (ShareGPT)";

    public string? Detect(TraceInput input) => ImportHelpers.HasField(input, "conversations");

    public IReadOnlyList<DraftOrError> Read(TraceInput input) =>
        ImportHelpers.Conversations(input).Select(c => DraftOrError.Try(() => ReadConversation(c))).ToArray();

    private static TraceDraft ReadConversation(JsonCursor conversation)
    {
        conversation.ExpectKind(JsonValueKind.Object);
        var messages = new MessageListBuilder();
        if (conversation.Optional("system") is { Kind: JsonValueKind.String } system && !string.IsNullOrWhiteSpace(system.String()))
            messages.Add(Role.System, system.String());
        foreach (var turn in conversation.Required("conversations").Items())
        {
            turn.ExpectKind(JsonValueKind.Object);
            // The usual {from, value}; some datasets write {role, content} inside 'conversations'.
            var from = turn.Optional("from") ?? turn.Optional("role") ?? throw new TraceFormatException("required field 'from' (or 'role') is missing", turn.Path);
            var role = from.String().ToLowerInvariant() switch
            {
                "human" or "user" => Role.User,
                "gpt" or "assistant" or "chatgpt" or "bing" or "bard" or "model" => Role.Assistant,
                "system" => Role.System,
                "tool" or "function" or "function_call" or "function-call" or "function_response" or "function-response" or "observation" or "ipython" => Role.Tool,
                var other => throw from.Invalid($"expected from human, gpt, system, function_call, observation, user or assistant but found '{JsonCursor.Shorten(other)}'"),
            };
            var valueCursor = turn.Optional("value") ?? turn.Optional("content") ?? throw new TraceFormatException("required field 'value' (or 'content') is missing", turn.Path);
            var value = valueCursor.String();
            if (string.IsNullOrWhiteSpace(value)) continue;
            messages.Add(role, value);
        }
        var id = conversation.Optional("id") is { } idCursor
            ? idCursor.Kind == JsonValueKind.Number ? idCursor.Element.GetRawText() : idCursor.String()
            : null;
        return new TraceDraft(id, null, null, null, conversation.OptionalString("model"), [], messages.Build());
    }
}
