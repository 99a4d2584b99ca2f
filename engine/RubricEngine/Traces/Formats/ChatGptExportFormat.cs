using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// ChatGPT's data export <c>conversations.json</c>: an array of conversations whose messages form a tree
/// (<c>mapping</c>) because regenerating an answer adds a sibling branch. The visible conversation is the path
/// from <c>current_node</c> up to the root, reversed; other branches are ignored.
/// </summary>
internal sealed class ChatGptExportFormat : ITraceFormat
{
    public string Name => TraceFormats.ChatGpt;

    public bool Detect(TraceInput input) => ImportHelpers.FirstObjectHas(input, "mapping");

    public IReadOnlyList<DraftOrError> Read(TraceInput input) =>
        ImportHelpers.Conversations(input).Select(c => DraftOrError.Try(() => ReadConversation(c))).ToArray();

    private static TraceDraft ReadConversation(JsonCursor conversation)
    {
        conversation.ExpectKind(JsonValueKind.Object);
        var mapping = conversation.Required("mapping");
        mapping.ExpectKind(JsonValueKind.Object);

        var messages = new MessageListBuilder();
        string? model = conversation.OptionalString("default_model_slug");
        foreach (var node in CurrentBranch(conversation, mapping))
        {
            if (node.Optional("message") is not { } message) continue;
            message.ExpectKind(JsonValueKind.Object);
            var metadata = message.Optional("metadata");
            if (metadata is { IsObject: true } md && md.OptionalBool("is_visually_hidden_from_conversation") == true) continue;

            var role = MapRole(message);
            if (role is null) continue;
            var text = ContentText(message);
            if (string.IsNullOrWhiteSpace(text)) continue;

            if (role == Role.Assistant && metadata is { IsObject: true } m && m.Optional("model_slug") is { Kind: JsonValueKind.String } slug)
                model = slug.String();
            var attachments = metadata is { IsObject: true } meta
                ? meta.OptionalItems("attachments").Where(a => a.IsObject).Select(a =>
                    new Attachment(a.OptionalString("name") ?? a.OptionalString("id") ?? "attachment", a.OptionalString("mime_type"), null)).ToArray()
                : [];
            messages.Add(role.Value, text, ImportHelpers.FromUnixSeconds(message.Optional("create_time") is { Kind: JsonValueKind.Number } t ? t.Number() : null), attachments);
        }

        var id = conversation.OptionalString("conversation_id") ?? conversation.OptionalString("id");
        return new TraceDraft(id, conversation.OptionalString("title"), null, null, model, [], messages.Build());
    }

    /// <summary>The nodes from the root to <c>current_node</c>. Without one, follows the last child from the root.</summary>
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

        // No current_node: start at the root (the node without a parent) and take the newest child each step.
        var root = mapping.Properties().Select(p => p.Value).FirstOrDefault(n => n.IsObject && n.Optional("parent") is null);
        for (JsonCursor? node = root.IsObject ? root : null; node is { } n;)
        {
            if (!seen.Add(n.Path.ToString())) break;
            nodes.Add(n);
            var children = n.OptionalItems("children").ToArray();
            node = children.Length == 0 ? null : mapping.Optional(children[^1].String());
        }
        return nodes;
    }

    private static Role? MapRole(JsonCursor message)
    {
        var author = message.Required("author");
        var role = author.RequiredString("role");
        var recipient = message.OptionalString("recipient");
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

    /// <summary>The visible text: the string parts (images and other objects skipped), or <c>text</c>.</summary>
    private static string ContentText(JsonCursor message)
    {
        if (message.Optional("content") is not { } content) return "";
        content.ExpectKind(JsonValueKind.Object);
        var type = content.OptionalString("content_type");
        // Hidden reasoning is not part of the conversation the student saw.
        if (type is "thoughts" or "reasoning_recap" or "user_editable_context" or "model_editable_context") return "";
        if (content.Optional("parts") is { } parts)
        {
            var strings = parts.Items().Where(p => p.Kind == JsonValueKind.String).Select(p => p.String()).Where(s => s.Length > 0);
            return string.Join("\n\n", strings);
        }
        return content.Optional("text") is { Kind: JsonValueKind.String } text ? text.String() : "";
    }
}
