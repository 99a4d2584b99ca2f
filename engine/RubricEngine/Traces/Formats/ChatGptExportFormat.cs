using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// ChatGPT's data export <c>conversations.json</c>: an array of conversations whose messages form a tree
/// (<c>mapping</c>) because regenerating an answer adds a sibling branch. The visible conversation is the path
/// from <c>current_node</c> up to the root, reversed; other branches are ignored. Shapes per
/// mitkury/chatgpt-export-parser docs/chatgpt-data-export-format.md, xuy/docs-for-agents ChatGPT_export_schema.md and
/// pionxzh/chatgpt-exporter src/exporter/markdown.ts (voice transcriptions, citations, Canvas).
/// </summary>
internal sealed class ChatGptExportFormat : ITraceFormat
{
    public string Name => TraceFormats.ChatGpt;

    public bool IsJson => true;

    public string LooksFor => "'mapping' (ChatGPT)";

    public string? Detect(TraceInput input) => ImportHelpers.HasField(input, "mapping");

    public IReadOnlyList<DraftOrError> Read(TraceInput input) =>
        ImportHelpers.Conversations(input).Select(c => DraftOrError.Try(() => ReadConversation(c))).ToArray();

    private static TraceDraft ReadConversation(JsonCursor conversation)
    {
        conversation.ExpectKind(JsonValueKind.Object);
        var mapping = conversation.Required("mapping");
        mapping.ExpectKind(JsonValueKind.Object);

        var turns = new List<Turn>();
        string? model = conversation.OptionalString("default_model_slug");
        foreach (var node in CurrentBranch(conversation, mapping))
        {
            if (node.Optional("message") is not { } message) continue;
            message.ExpectKind(JsonValueKind.Object);
            var metadata = message.Optional("metadata");
            if (metadata is { IsObject: true } md && md.OptionalBool("is_visually_hidden_from_conversation") == true) continue;

            var role = MapRole(message, out var recipient);
            if (role is null) continue;
            var text = ContentText(message);
            // Canvas: the document ChatGPT wrote is the answer the student saw, not a tool call of raw JSON.
            if (role == Role.Tool && recipient is "canmore.create_textdoc" or "canmore.update_textdoc" && CanvasDocument(text) is { } document)
            {
                role = Role.Assistant;
                text = document;
            }
            else if (role == Role.Tool && message.Required("author").OptionalString("name") is { } tool && tool.StartsWith("canmore.", StringComparison.Ordinal))
            {
                continue; // "Successfully created text document …": the tool's receipt, not content
            }
            if (role == Role.Assistant) text = ChatGptText.RemoveCitations(text);
            if (string.IsNullOrWhiteSpace(text)) continue;

            if (role == Role.Assistant && metadata is { IsObject: true } m && m.Optional("model_slug") is { Kind: JsonValueKind.String } slug)
                model = slug.String();
            var attachments = metadata is { IsObject: true } meta
                ? meta.OptionalItems("attachments").Where(a => a.IsObject).Select(a =>
                {
                    var name = a.OptionalString("name") ?? a.OptionalString("id") ?? "attachment";
                    return new Attachment(name, MediaTypes.Of(a.OptionalString("mime_type"), name), null);
                }).ToArray()
                : [];
            turns.Add(new Turn(role.Value, text, ImportHelpers.FromUnixSeconds(message.Optional("create_time") is { Kind: JsonValueKind.Number } t ? t.Number() : null), attachments));
        }

        var messages = new MessageListBuilder();
        foreach (var turn in MergeRepliesAroundTools(turns)) messages.Add(turn.Role, turn.Text, turn.Time, turn.Attachments);
        var id = conversation.OptionalString("conversation_id") ?? conversation.OptionalString("id");
        return new TraceDraft(id, conversation.OptionalString("title"), null, null, model, [], messages.Build());
    }

    private sealed record Turn(Role Role, string Text, DateTimeOffset? Time, IReadOnlyList<Attachment> Attachments);

    /// <summary>
    /// One reply that called a tool midway ("Let me compute that." → python → output → "So the answer is 42.") is
    /// several assistant messages in the export but one reply on the page: joined, so the grader does not take the
    /// second half for a retry. The tool's call and output go before the joined reply. (On the kept branch two
    /// assistant messages without a user turn between are always one reply: a regenerated answer is a sibling.)
    /// </summary>
    private static List<Turn> MergeRepliesAroundTools(List<Turn> turns)
    {
        var result = new List<Turn>();
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            if (turn.Role != Role.Assistant) { result.Add(turn); continue; }
            var tools = new List<Turn>();
            var j = i + 1;
            while (true)
            {
                var k = j;
                while (k < turns.Count && turns[k].Role == Role.Tool) k++;
                if (k >= turns.Count || turns[k].Role != Role.Assistant) break;
                tools.AddRange(turns.GetRange(j, k - j));
                var next = turns[k];
                turn = turn with { Text = turn.Text + "\n\n" + next.Text, Attachments = [.. turn.Attachments, .. next.Attachments] };
                j = k + 1;
            }
            result.AddRange(tools);
            result.Add(turn);
            i = j - 1;
        }
        return result;
    }

    /// <summary>The nodes from the root to <c>current_node</c>. Without one, follows the newest child from the root.</summary>
    private static IReadOnlyList<JsonCursor> CurrentBranch(JsonCursor conversation, JsonCursor mapping)
    {
        var nodes = new List<JsonCursor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (conversation.Optional("current_node") is { } current)
        {
            for (string? id = current.String(); id is not null;)
            {
                if (!seen.Add(id)) throw mapping.Invalid($"the message tree has a cycle at node '{id}'");
                var node = mapping.Optional(id) ?? throw (nodes.Count == 0 ? current : mapping).Invalid($"node '{id}' is not in the mapping");
                node.ExpectKind(JsonValueKind.Object);
                nodes.Add(node);
                id = node.OptionalString("parent");
            }
            nodes.Reverse();
            return nodes;
        }

        // No current_node: start at the root (the node without a parent) and take the newest child each step (by
        // create_time: the listed order of children is not the order they were written in).
        var root = mapping.Properties().Select(p => p.Value).FirstOrDefault(n => n.IsObject && n.Optional("parent") is null);
        for (JsonCursor? node = root.IsObject ? root : null; node is { } n;)
        {
            if (!seen.Add(n.Path.ToString())) break;
            nodes.Add(n);
            JsonCursor? newest = null;
            var newestTime = double.NegativeInfinity;
            foreach (var childId in n.OptionalItems("children"))
            {
                if (mapping.Optional(childId.String()) is not { IsObject: true } child) continue;
                var time = child.Optional("message") is { IsObject: true } msg && msg.Optional("create_time") is { Kind: JsonValueKind.Number } t
                    ? t.Number() : double.NegativeInfinity;
                if (newest is null || time >= newestTime) (newest, newestTime) = (child, time);
            }
            node = newest;
        }
        return nodes;
    }

    private static Role? MapRole(JsonCursor message, out string? recipient)
    {
        var author = message.Required("author");
        var role = author.RequiredString("role");
        recipient = message.OptionalString("recipient");
        return role switch
        {
            "user" => Role.User,
            // An assistant message addressed to a tool (code to run, a search) is an action, not an answer.
            "assistant" => recipient is null or "all" ? Role.Assistant : Role.Tool,
            "system" => Role.System,
            "tool" => Role.Tool,
            _ => null,
        };
    }

    /// <summary>
    /// The visible text: the string parts and voice-mode transcriptions (images and audio pointers skipped), or
    /// <c>text</c> (code, execution output).
    /// </summary>
    private static string ContentText(JsonCursor message)
    {
        if (message.Optional("content") is not { } content) return "";
        content.ExpectKind(JsonValueKind.Object);
        var type = content.OptionalString("content_type");
        // Hidden reasoning is not part of the conversation the student saw.
        if (type is "thoughts" or "reasoning_recap" or "user_editable_context" or "model_editable_context") return "";
        if (content.Optional("parts") is { } parts)
        {
            var strings = parts.Items().Select(p => p.Kind switch
            {
                JsonValueKind.String => p.String(),
                // Voice mode: what was said, transcribed; the audio itself is a pointer.
                JsonValueKind.Object when p.OptionalString("content_type") == "audio_transcription" && p.Optional("text") is { Kind: JsonValueKind.String } said => said.String(),
                _ => "",
            }).Where(s => s.Length > 0);
            return string.Join("\n\n", strings);
        }
        return content.Optional("text") is { Kind: JsonValueKind.String } text ? text.String() : "";
    }

    /// <summary>
    /// The document of a Canvas call: <c>canmore.create_textdoc</c> sends <c>{"name","type","content"}</c>; an update
    /// that rewrites the whole document sends <c>{"updates":[{"pattern":".*","replacement":…}]}</c>. Null otherwise.
    /// </summary>
    private static string? CanvasDocument(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String) return content.GetString();
            if (root.TryGetProperty("updates", out var updates) && updates.ValueKind == JsonValueKind.Array)
            {
                foreach (var u in updates.EnumerateArray())
                    if (u.ValueKind == JsonValueKind.Object && u.TryGetProperty("pattern", out var p) && p.ValueKind == JsonValueKind.String
                        && p.GetString() is ".*" or "^.*$" or "(?s).*" && u.TryGetProperty("replacement", out var r) && r.ValueKind == JsonValueKind.String)
                        return r.GetString();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
