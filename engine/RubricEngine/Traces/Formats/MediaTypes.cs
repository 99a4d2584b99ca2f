namespace RubricEngine.Traces.Formats;

/// <summary>
/// Attachment media types as MIME types (<c>text/plain</c>, <c>image/jpeg</c>). Exports say <c>txt</c> (Claude),
/// <c>image</c> (Le Chat) or nothing; the canonical format promises a MIME type, so the reader maps them.
/// </summary>
internal static class MediaTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        ["txt"] = "text/plain", ["md"] = "text/markdown", ["markdown"] = "text/markdown", ["csv"] = "text/csv",
        ["tsv"] = "text/tab-separated-values", ["html"] = "text/html", ["htm"] = "text/html", ["json"] = "application/json",
        ["xml"] = "application/xml", ["py"] = "text/x-python", ["tex"] = "application/x-tex", ["ipynb"] = "application/x-ipynb+json",
        ["pdf"] = "application/pdf", ["doc"] = "application/msword",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ["png"] = "image/png", ["jpg"] = "image/jpeg", ["jpeg"] = "image/jpeg", ["gif"] = "image/gif", ["webp"] = "image/webp",
        ["svg"] = "image/svg+xml", ["heic"] = "image/heic", ["wav"] = "audio/wav", ["mp3"] = "audio/mpeg", ["zip"] = "application/zip",
    };

    /// <summary>
    /// A MIME type from what the export gives (<paramref name="given"/>: a MIME type, an extension such as <c>txt</c>,
    /// or a kind such as <c>image</c>) and the file name; null when neither says.
    /// </summary>
    public static string? Of(string? given, string? name)
    {
        if (given is { Length: > 0 } g && g.Contains('/', StringComparison.Ordinal)) return g.Trim().ToLowerInvariant();
        if (given is { Length: > 0 } ext && ByExtension.TryGetValue(ext.Trim().TrimStart('.'), out var byGiven)) return byGiven;
        if (name is { Length: > 0 } && Path.GetExtension(name) is { Length: > 1 } e && ByExtension.TryGetValue(e[1..], out var byName)) return byName;
        // A bare kind ("image", "document") names no MIME type: better none than a made-up one.
        return given?.Trim().ToLowerInvariant() == "text" ? "text/plain" : null;
    }
}
