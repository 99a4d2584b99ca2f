namespace RubricEngine.Reports.Sarif;

/// <summary>
/// Trace paths as SARIF artifact URIs: relative to the trace root (<see cref="BaseId"/>, declared in the run's
/// <c>originalUriBaseIds</c>), forward slashes, each segment percent-encoded; absolute <c>file://</c> URIs only for
/// files outside the root.
/// </summary>
internal static class SarifUris
{
    /// <summary>The uriBaseId of every relative artifact URI.</summary>
    public const string BaseId = "TRACEROOT";

    /// <summary>The root folder: <paramref name="baseDirectory"/>, or the current folder that relative paths are read from.</summary>
    public static string Root(string? baseDirectory) => Path.GetFullPath(baseDirectory ?? ".");

    /// <summary>The root as an absolute URI ending in <c>/</c>, as <c>originalUriBaseIds</c> requires.</summary>
    public static string RootUri(string root)
    {
        var uri = new Uri(root).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    /// <summary>The URI of <paramref name="file"/>, and whether it is relative to <see cref="BaseId"/>.</summary>
    public static (string Uri, bool Relative) ForFile(string file, string root)
    {
        if (string.IsNullOrEmpty(file)) return ("", false);
        string full;
        try { full = Path.GetFullPath(file); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return (Escape(file), false); }
        var relative = Path.GetRelativePath(root, full);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative))
            return (new Uri(full).AbsoluteUri, false);
        return (Escape(relative), true);
    }

    private static string Escape(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(s => s == "." || s == ".." ? s : Uri.EscapeDataString(s)));
}
