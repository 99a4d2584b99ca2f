using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// ShareGPT conversations <c>{id?, conversations:[{from, value}]}</c>: one object, an array of them, or one
/// per line of a <c>.jsonl</c> file.
/// </summary>
internal sealed class ShareGptFormat : ITraceFormat
{
    public string Name => TraceFormats.ShareGpt;

    public bool Detect(TraceInput input) => ImportHelpers.FirstObjectHas(input, "conversations");

    public IReadOnlyList<DraftOrError> Read(TraceInput input) =>
        ImportHelpers.Conversations(input).Select(c => DraftOrError.Try(() => ReadConversation(c))).ToArray();

    private static TraceDraft ReadConversation(JsonCursor conversation)
    {
        conversation.ExpectKind(JsonValueKind.Object);
        var messages = new MessageListBuilder();
        foreach (var turn in conversation.Required("conversations").Items())
        {
            turn.ExpectKind(JsonValueKind.Object);
            var from = turn.Required("from");
            var role = from.String().ToLowerInvariant() switch
            {
                "human" or "user" => Role.User,
                "gpt" or "assistant" or "chatgpt" or "bing" or "bard" or "model" => Role.Assistant,
                "system" => Role.System,
                "tool" or "function" or "function_call" or "observation" => Role.Tool,
                var other => throw from.Invalid($"expected from human, gpt, system, user or assistant but found '{JsonCursor.Shorten(other)}'"),
            };
            var value = turn.RequiredString("value");
            if (string.IsNullOrWhiteSpace(value)) continue;
            messages.Add(role, value);
        }
        var id = conversation.Optional("id") is { } idCursor
            ? idCursor.Kind == JsonValueKind.Number ? idCursor.Element.GetRawText() : idCursor.String()
            : null;
        return new TraceDraft(id, null, null, null, conversation.OptionalString("model"), [], messages.Build());
    }
}
