using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Grading;

/// <summary>What a whole run did: for the Run sheet, SARIF's invocation and the closing summary.</summary>
public sealed record RunInfo(
    string RubricPath,
    string RubricTitle,
    string RubricSha256,
    string EngineVersion,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    int TracesGraded,
    IReadOnlyList<TraceError> Errors,
    IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Files in the input that were not read as traces, each with the reason (companion files, images, a README).</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>Warnings about the run as a whole ("question 4: answered in 0 of 480 traces — is the id right?").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
