namespace RubricEngine.Traces;

/// <summary>One message of a conversation. <see cref="Index"/> counts from 0 in the trace's messages.</summary>
public sealed record Message(
    int Index,
    Role Role,
    string Content,
    DateTimeOffset? Time,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<Annotation> Annotations,
    string? Question);
