using System.Globalization;
using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// Grok's account export <c>prod-grok-backend.json</c>: <c>{"conversations":[{"conversation":{id, title, create_time},
/// "responses":[{"response":{_id, sender, message, model, create_time}}]}]}</c>, with Mongo-style times
/// (<c>{"$date":{"$numberLong":"&lt;ms&gt;"}}</c> or <c>{"$date":"…"}</c>). <c>sender</c> is <c>human</c> or
/// <c>assistant</c> (<c>ASSISTANT</c> in older exports). Responses are put in time order. Shapes per
/// Superkikim/nexus-ai-chat-importer src/providers/grok/grok-types.ts.
/// </summary>
internal sealed class GrokExportFormat : ITraceFormat
{
    public string Name => TraceFormats.Grok;

    public bool IsJson => true;

    public string LooksFor => "'conversations' of {conversation, responses} (Grok)";

    public string? Detect(TraceInput input) =>
        Records(input) is { } first && first.TryGetProperty("conversation", out _) && first.TryGetProperty("responses", out _)
            ? "an object with 'conversations' of {conversation, responses}"
            : null;

    /// <summary>The first item of the root's <c>conversations</c> array (or of a bare array of records).</summary>
    private static JsonElement? Records(TraceInput input)
    {
        if (input.Json is not { } root) return null;
        var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("conversations", out var c) ? c : root;
        return list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 && list[0].ValueKind == JsonValueKind.Object ? list[0] : null;
    }

    public IReadOnlyList<DraftOrError> Read(TraceInput input)
    {
        var root = input.Root;
        var records = root.IsObject ? root.Required("conversations") : root;
        return records.Items().Select(r => DraftOrError.Try(() => ReadConversation(r))).ToArray();
    }

    private static TraceDraft ReadConversation(JsonCursor record)
    {
        record.ExpectKind(JsonValueKind.Object);
        var conversation = record.Required("conversation");
        var responses = record.Required("responses").Items().Select((r, i) =>
        {
            r.ExpectKind(JsonValueKind.Object);
            var response = r.Required("response");
            response.ExpectKind(JsonValueKind.Object);
            return (Response: response, Time: MongoTime(response.Optional("create_time")), Index: i);
        }).OrderBy(x => x.Time ?? DateTimeOffset.MinValue).ThenBy(x => x.Index).ToArray();

        var messages = new MessageListBuilder();
        string? model = null;
        foreach (var (response, time, _) in responses)
        {
            var senderCursor = response.Required("sender");
            var role = senderCursor.String().ToLowerInvariant() switch
            {
                "human" or "user" => Role.User,
                "assistant" => Role.Assistant,
                "system" => Role.System,
                var other => throw senderCursor.Invalid($"expected sender human or assistant but found '{JsonCursor.Shorten(other)}'"),
            };
            var text = response.Optional("message") is { Kind: JsonValueKind.String } m ? m.String() : "";
            var files = response.OptionalItems("file_attachments").Where(f => f.Kind == JsonValueKind.String)
                .Select(f => new Attachment(f.String(), null, null)).ToArray();
            if (role == Role.Assistant && response.Optional("model") is { Kind: JsonValueKind.String } slug) model = slug.String();
            if (string.IsNullOrWhiteSpace(text) && files.Length == 0) continue;
            messages.Add(role, text, time, files);
        }
        return new TraceDraft(conversation.OptionalString("id"), conversation.OptionalString("title"), null, null, model, [], messages.Build());
    }

    /// <summary><c>{"$date":{"$numberLong":"ms"}}</c>, <c>{"$date":"ISO"}</c> or an ISO string; null when absent or unreadable.</summary>
    private static DateTimeOffset? MongoTime(JsonCursor? value)
    {
        if (value is not { } v) return null;
        if (v.Kind == JsonValueKind.String) return DateTimeOffset.TryParse(v.String(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        if (!v.IsObject || v.Optional("$date") is not { } date) return null;
        if (date.Kind == JsonValueKind.String) return MongoTime(date);
        if (date.IsObject && date.Optional("$numberLong") is { Kind: JsonValueKind.String } ms && long.TryParse(ms.String(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var millis))
            return ImportHelpers.FromUnixSeconds(millis / 1000.0);
        return null;
    }
}
