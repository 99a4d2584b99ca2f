using System.Text.Json.Serialization;

namespace RubricEngine.Reports.Html;

/// <summary>
/// One student's row of the index, as the page's embedded JSON carries it (short names: 10,000 rows stay small).
/// </summary>
public sealed class IndexRow
{
    /// <summary>Student id.</summary>
    [JsonPropertyName("s")] public required string Student { get; init; }

    /// <summary>Student name, if known.</summary>
    [JsonPropertyName("n")] public string? Name { get; init; }

    /// <summary>Trace id.</summary>
    [JsonPropertyName("t")] public required string Trace { get; init; }

    /// <summary>The student page, relative to the index.</summary>
    [JsonPropertyName("h")] public required string Href { get; init; }

    /// <summary>Points per criterion in rubric order; null where the criterion could not be graded (never 0).</summary>
    [JsonPropertyName("p")] public required double?[] Points { get; init; }

    /// <summary>Total points.</summary>
    [JsonPropertyName("tot")] public double Total { get; init; }

    /// <summary>
    /// True when some answer's attribution is uncertain; null when the engine reports no confidence (or the trace
    /// could not be read again). Set by the page workers.
    /// </summary>
    [JsonPropertyName("lc")] public bool? LowConfidence { get; set; }
}
