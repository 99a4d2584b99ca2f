using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>Builds a message list with consecutive indexes, whatever the importer skipped.</summary>
internal sealed class MessageListBuilder
{
    private readonly List<Message> _messages = [];

    public void Add(Role role, string content, DateTimeOffset? time = null, IReadOnlyList<Attachment>? attachments = null,
        IReadOnlyList<Annotation>? annotations = null, string? question = null) =>
        _messages.Add(new Message(_messages.Count, role, content, time, attachments ?? [], annotations ?? [], question));

    public IReadOnlyList<Message> Build() => _messages.ToArray();
}
