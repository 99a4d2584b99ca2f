namespace RubricEngine.Reports.Sarif;

/// <summary>Options of the SARIF log.</summary>
public sealed record SarifOptions
{
    /// <summary>tool.driver.informationUri: where the tool is documented (absolute URI), if anywhere.</summary>
    public string? InformationUri { get; init; }

    /// <summary>
    /// Trace paths under this folder are written relative to it; relative trace paths are written as given
    /// (forward slashes). Other absolute paths become <c>file://</c> URIs.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Indent the JSON (default true: TAs read it; the size cost is modest).</summary>
    public bool Indented { get; init; } = true;
}
