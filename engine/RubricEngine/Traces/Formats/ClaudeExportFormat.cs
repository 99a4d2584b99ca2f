using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// Claude.ai's data export <c>conversations.json</c>: an array of conversations with a flat <c>chat_messages</c>
/// list. Newer exports split a message into <c>content</c> blocks; the text blocks and the documents of artifacts
/// (<c>tool_use</c> named <c>artifacts</c>, whose <c>input.content</c> is what the student saw) are preferred over the
/// flat <c>text</c>, which holds only a placeholder for an artifact. An edited prompt or a retried answer makes a
/// branch: messages carry <c>parent_message_uuid</c> and the conversation <c>current_leaf_message_uuid</c>, and only
/// the branch ending at that leaf is kept. Shapes per Superkikim/nexus-ai-chat-importer src/providers/claude.
/// </summary>
internal sealed class ClaudeExportFormat : ITraceFormat
{
    public string Name => TraceFormats.Claude;

    public bool IsJson => true;

    public string LooksFor => "'chat_messages' (Claude)";

    public string? Detect(TraceInput input) => ImportHelpers.HasField(input, "chat_messages");

    public IReadOnlyList<DraftOrError> Read(TraceInput input) =>
        ImportHelpers.Conversations(input).Select(c => DraftOrError.Try(() => ReadConversation(c))).ToArray();

    private static TraceDraft ReadConversation(JsonCursor conversation)
    {
        conversation.ExpectKind(JsonValueKind.Object);
        var messages = new MessageListBuilder();
        var artifacts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in CurrentBranch(conversation))
        {
            m.ExpectKind(JsonValueKind.Object);
            var senderCursor = m.Required("sender");
            var role = senderCursor.String() switch
            {
                "human" or "user" => Role.User,
                "assistant" => Role.Assistant,
                "system" => Role.System,
                var other => throw senderCursor.Invalid($"expected sender human or assistant but found '{JsonCursor.Shorten(other)}'"),
            };

            var attachments = new List<Attachment>();
            foreach (var a in m.OptionalItems("attachments"))
            {
                a.ExpectKind(JsonValueKind.Object);
                var name = a.OptionalString("file_name") is { Length: > 0 } n ? n : "attachment";
                attachments.Add(new Attachment(name, MediaTypes.Of(a.OptionalString("file_type"), name), a.OptionalString("extracted_content")));
            }
            foreach (var f in m.OptionalItems("files"))
            {
                f.ExpectKind(JsonValueKind.Object);
                var name = f.OptionalString("file_name") ?? "file";
                // Attachments with extracted text are often repeated under files; keep one.
                if (!attachments.Any(a => a.Name == name)) attachments.Add(new Attachment(name, MediaTypes.Of(null, name), null));
            }

            var text = Text(m, artifacts);
            if (string.IsNullOrWhiteSpace(text) && attachments.Count == 0) continue;
            messages.Add(role, text, ImportHelpers.OptionalTime(m, "created_at"), attachments);
        }

        return new TraceDraft(conversation.OptionalString("uuid"), conversation.OptionalString("name"), null, null,
            conversation.Optional("model") is { Kind: JsonValueKind.String } model ? model.String() : null, [], messages.Build());
    }

    /// <summary>
    /// The messages on the branch ending at <c>current_leaf_message_uuid</c>, root first. Without a leaf (or without
    /// parent links) every message, in listed order; a leaf that is not among the messages is an error.
    /// </summary>
    private static IReadOnlyList<JsonCursor> CurrentBranch(JsonCursor conversation)
    {
        var all = conversation.Required("chat_messages").Items().ToArray();
        if (conversation.OptionalString("current_leaf_message_uuid") is not { } leaf) return all;
        var byId = new Dictionary<string, JsonCursor>(StringComparer.Ordinal);
        foreach (var m in all)
            if (m.IsObject && m.OptionalString("uuid") is { } uuid) byId.TryAdd(uuid, m);
        if (!all.Any(m => m.IsObject && m.Has("parent_message_uuid"))) return all;
        if (!byId.TryGetValue(leaf, out var current))
            throw conversation.Required("current_leaf_message_uuid").Invalid($"current_leaf_message_uuid '{JsonCursor.Shorten(leaf)}' is not among chat_messages");
        var branch = new List<JsonCursor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (JsonCursor? m = current; m is { } node;)
        {
            if (!seen.Add(node.OptionalString("uuid") ?? "")) throw node.Invalid("the message branch has a cycle");
            branch.Add(node);
            m = node.OptionalString("parent_message_uuid") is { } parent && byId.TryGetValue(parent, out var p) ? p : null;
        }
        branch.Reverse();
        return branch;
    }

    /// <summary>The text blocks and artifact documents in order, else the flat <c>text</c>.</summary>
    private static string Text(JsonCursor message, Dictionary<string, string> artifacts)
    {
        var parts = new List<string>();
        foreach (var b in message.OptionalItems("content"))
        {
            if (!b.IsObject) continue;
            switch (b.OptionalString("type"))
            {
                case "text" when b.Optional("text") is { Kind: JsonValueKind.String } t:
                    parts.Add(t.String());
                    break;
                case "tool_use" when b.OptionalString("name") == "artifacts" && b.Optional("input") is { IsObject: true } input
                                     && Artifact(input, artifacts) is { } document:
                    parts.Add(document);
                    break;
            }
        }
        parts.RemoveAll(string.IsNullOrWhiteSpace);
        return parts.Count > 0 ? string.Join("\n\n", parts) : message.OptionalString("text") ?? "";
    }

    /// <summary>
    /// The artifact's document after this call: <c>create</c>/<c>rewrite</c> give it whole in <c>content</c>;
    /// <c>update</c> replaces <c>old_str</c> with <c>new_str</c> in the latest version with the same <c>id</c>.
    /// </summary>
    private static string? Artifact(JsonCursor input, Dictionary<string, string> artifacts)
    {
        var id = input.Optional("id") is { Kind: JsonValueKind.String } i ? i.String() : "";
        var command = input.Optional("command") is { Kind: JsonValueKind.String } c ? c.String() : "create";
        string? document = null;
        if (command is "create" or "rewrite" && input.Optional("content") is { Kind: JsonValueKind.String } content)
            document = content.String();
        else if (command == "update" && artifacts.TryGetValue(id, out var previous)
                 && input.Optional("old_str") is { Kind: JsonValueKind.String } oldStr && input.Optional("new_str") is { Kind: JsonValueKind.String } newStr
                 && oldStr.String().Length > 0)
        {
            var at = previous.IndexOf(oldStr.String(), StringComparison.Ordinal);
            document = at < 0 ? previous : string.Concat(previous.AsSpan(0, at), newStr.String(), previous.AsSpan(at + oldStr.String().Length));
        }
        if (document is null) return null;
        artifacts[id] = document;
        var title = input.Optional("title") is { Kind: JsonValueKind.String } t ? t.String() : null;
        return title is { Length: > 0 } && !document.TrimStart().StartsWith('#') ? $"**{title}**\n\n{document}" : document;
    }
}
