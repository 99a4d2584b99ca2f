using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// Google Takeout's Gemini activity, <c>Takeout/My Activity/Gemini Apps/MyActivity.json</c>: an array of entries
/// <c>{header: "Gemini Apps", title: "Prompted …", time, safeHtmlItem: [{html}], attachedFiles, imageFile}</c>, newest
/// first. Each entry is one prompt (the title without its "Prompted " / "Asked " / "Live Prompt " prefix) and one answer
/// (the HTML, as text). Takeout keeps no conversation ids, so the whole file is one trace, oldest entry first.
/// Entries that are not prompts ("Used Gemini Apps", feedback) are skipped. Shapes per
/// Superkikim/nexus-ai-chat-importer src/providers/gemini.
/// </summary>
internal sealed class GeminiTakeoutFormat : ITraceFormat
{
    private static readonly string[] PromptPrefixes = ["Prompted ", "Asked ", "Live Prompt ", "Prompt: ", "Prompt : "];

    public string Name => TraceFormats.Gemini;

    public bool IsJson => true;

    public string LooksFor => "Takeout activity with header 'Gemini Apps' (Gemini)";

    public string? Detect(TraceInput input) =>
        input.Json is { ValueKind: JsonValueKind.Array } && ImportHelpers.FirstObject(input) is { } first
        && first.TryGetProperty("header", out var header) && header.ValueKind == JsonValueKind.String
        && first.TryGetProperty("time", out _) && first.TryGetProperty("title", out _)
        && (header.GetString()!.Contains("Gemini", StringComparison.OrdinalIgnoreCase) || header.GetString()!.Contains("Bard", StringComparison.OrdinalIgnoreCase))
            ? $"a Google Takeout activity array with header '{JsonCursor.Shorten(header.GetString()!)}'"
            : null;

    public IReadOnlyList<DraftOrError> Read(TraceInput input) => [DraftOrError.Try(() => ReadActivity(input.Root))];

    private static TraceDraft ReadActivity(JsonCursor root)
    {
        var entries = root.Items().Select((e, i) =>
        {
            e.ExpectKind(JsonValueKind.Object);
            return (Entry: e, Time: ImportHelpers.OptionalTime(e, "time"), Index: i);
        }).OrderBy(x => x.Time ?? DateTimeOffset.MaxValue).ThenByDescending(x => x.Index).ToArray();

        var messages = new MessageListBuilder();
        foreach (var (entry, time, _) in entries)
        {
            var title = entry.OptionalString("title") ?? "";
            var prefix = PromptPrefixes.FirstOrDefault(p => title.StartsWith(p, StringComparison.OrdinalIgnoreCase));
            var answer = string.Join("\n\n", entry.OptionalItems("safeHtmlItem")
                .Where(h => h.IsObject && h.Optional("html") is { Kind: JsonValueKind.String })
                .Select(h => HtmlText.ToText(h.RequiredString("html"))));
            if (prefix is null && answer.Length == 0) continue; // "Used Gemini Apps", feedback: not a prompt
            var files = entry.OptionalItems("attachedFiles").Where(f => f.Kind == JsonValueKind.String).Select(f => f.String())
                .Concat(entry.OptionalString("imageFile") is { } image ? [image] : [])
                .Select(name => new Attachment(name, MediaTypes.Of(null, name), null)).ToArray();
            var prompt = prefix is null ? title : title[prefix.Length..].Trim();
            if (prompt.Length > 0 || files.Length > 0) messages.Add(Role.User, prompt, time, files);
            if (answer.Length > 0) messages.Add(Role.Assistant, answer, time);
        }
        return new TraceDraft(null, null, null, null, null, [], messages.Build());
    }
}
