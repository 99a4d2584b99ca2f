using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>A conversation read from an input, before identity and id are settled.</summary>
internal sealed record TraceDraft(
    string? Id,
    string? Title,
    string? Assignment,
    Student? Student,
    string? Model,
    IReadOnlyList<SourceText> Sources,
    IReadOnlyList<Message> Messages)
{
    /// <summary>Where the id sits, so a duplicate id error can point at it.</summary>
    public JsonPath? IdPath { get; init; }

    /// <summary>Where the student sits (canonical traces), for a missing-student error.</summary>
    public JsonPath? StudentPath { get; init; }
}
