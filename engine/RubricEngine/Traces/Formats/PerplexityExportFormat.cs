using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// A Perplexity thread, in either shape its exporters write: <c>{"entries":[{query_str, blocks:[{markdown_block:{answer}}],
/// entry_created_datetime, display_model}], "thread_metadata":{title}}</c> (the site's own thread JSON) or
/// <c>{"metadata":{thread_id, thread_title}, "conversations":[{query, answer, timestamp, model}]}</c> (browser exporters).
/// Each entry is one question and its answer; the file is one thread. Shapes per
/// Superkikim/nexus-ai-chat-importer src/providers/perplexity/perplexity-types.ts.
/// </summary>
internal sealed class PerplexityExportFormat : ITraceFormat
{
    public string Name => TraceFormats.Perplexity;

    public bool IsJson => true;

    public string LooksFor => "'entries' with 'query_str' or 'conversations' with 'query'/'answer' (Perplexity)";

    public string? Detect(TraceInput input)
    {
        if (input.Json is not { ValueKind: JsonValueKind.Object } root) return null;
        if (root.TryGetProperty("entries", out var entries) && First(entries) is { } e && e.TryGetProperty("query_str", out _))
            return "an object with 'entries' of 'query_str'";
        if (root.TryGetProperty("conversations", out var turns) && First(turns) is { } t && t.TryGetProperty("query", out _) && t.TryGetProperty("answer", out _))
            return "an object with 'conversations' of 'query'/'answer'";
        return null;
    }

    private static JsonElement? First(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 && list[0].ValueKind == JsonValueKind.Object ? list[0] : null;

    public IReadOnlyList<DraftOrError> Read(TraceInput input) => [DraftOrError.Try(() => ReadThread(input.Root))];

    private static TraceDraft ReadThread(JsonCursor root)
    {
        var messages = new MessageListBuilder();
        string? model = null, id = null, title = null;
        if (root.Optional("entries") is { } entries)
        {
            foreach (var e in entries.Items())
            {
                e.ExpectKind(JsonValueKind.Object);
                id ??= e.OptionalString("context_uuid") ?? e.OptionalString("thread_url_slug");
                title ??= e.OptionalString("thread_title");
                var time = ImportHelpers.OptionalTime(e, "entry_created_datetime");
                var answer = e.OptionalItems("blocks").Where(b => b.IsObject)
                    .Select(b => b.Optional("markdown_block") is { IsObject: true } mb && mb.Optional("answer") is { Kind: JsonValueKind.String } a ? a.String() : null)
                    .FirstOrDefault(a => !string.IsNullOrWhiteSpace(a));
                Add(messages, e.OptionalString("query_str"), answer, time);
                model = e.OptionalString("display_model") ?? model;
            }
        }
        else
        {
            var metadata = root.Optional("metadata");
            id = metadata is { IsObject: true } md ? md.OptionalString("thread_id") : null;
            title = metadata is { IsObject: true } m2 ? m2.OptionalString("thread_title") : null;
            foreach (var t in root.Required("conversations").Items())
            {
                t.ExpectKind(JsonValueKind.Object);
                Add(messages, t.OptionalString("query"), t.OptionalString("answer"), ImportHelpers.OptionalTime(t, "timestamp"));
                model = t.OptionalString("model") ?? model;
            }
        }
        return new TraceDraft(id, title, null, null, model, [], messages.Build());
    }

    private static void Add(MessageListBuilder messages, string? query, string? answer, DateTimeOffset? time)
    {
        if (!string.IsNullOrWhiteSpace(query)) messages.Add(Role.User, query, time);
        if (!string.IsNullOrWhiteSpace(answer)) messages.Add(Role.Assistant, answer, time);
    }
}
