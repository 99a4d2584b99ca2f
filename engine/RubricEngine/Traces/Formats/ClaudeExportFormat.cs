using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// Claude.ai's data export <c>conversations.json</c>: an array of conversations with a flat
/// <c>chat_messages</c> list. Newer exports split a message into <c>content</c> blocks; the text blocks are
/// preferred over the flat <c>text</c> when present. Attachments keep their extracted text.
/// </summary>
internal sealed class ClaudeExportFormat : ITraceFormat
{
    public string Name => TraceFormats.Claude;

    public bool Detect(TraceInput input) => ImportHelpers.FirstObjectHas(input, "chat_messages");

    public IReadOnlyList<DraftOrError> Read(TraceInput input) =>
        ImportHelpers.Conversations(input).Select(c => DraftOrError.Try(() => ReadConversation(c))).ToArray();

    private static TraceDraft ReadConversation(JsonCursor conversation)
    {
        conversation.ExpectKind(JsonValueKind.Object);
        var messages = new MessageListBuilder();
        foreach (var m in conversation.Required("chat_messages").Items())
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
                attachments.Add(new Attachment(a.OptionalString("file_name") ?? "attachment", a.OptionalString("file_type"), a.OptionalString("extracted_content")));
            }
            foreach (var f in m.OptionalItems("files"))
            {
                f.ExpectKind(JsonValueKind.Object);
                var name = f.OptionalString("file_name") ?? "file";
                // Attachments with extracted text are often repeated under files; keep one.
                if (!attachments.Any(a => a.Name == name)) attachments.Add(new Attachment(name, null, null));
            }

            var text = Text(m);
            if (string.IsNullOrWhiteSpace(text) && attachments.Count == 0) continue;
            messages.Add(role, text, ImportHelpers.OptionalTime(m, "created_at"), attachments);
        }

        return new TraceDraft(conversation.OptionalString("uuid"), conversation.OptionalString("name"), null, null,
            conversation.Optional("model") is { Kind: JsonValueKind.String } model ? model.String() : null, [], messages.Build());
    }

    private static string Text(JsonCursor message)
    {
        var blocks = message.OptionalItems("content")
            .Where(b => b.IsObject && b.OptionalString("type") == "text" && b.Optional("text") is { Kind: JsonValueKind.String })
            .Select(b => b.RequiredString("text"))
            .ToArray();
        return blocks.Length > 0 ? string.Join("\n\n", blocks) : message.OptionalString("text") ?? "";
    }
}
