namespace RubricEngine.Reports.Sarif;

/// <summary>Trace paths as SARIF artifact URIs: relative, forward slashes, each segment percent-encoded.</summary>
internal static class SarifUris
{
    public static string ForFile(string file, string? baseDirectory)
    {
        if (string.IsNullOrEmpty(file)) return "";
        var path = file;
        if (Path.IsPathFullyQualified(path))
        {
            if (baseDirectory is not null)
            {
                var relative = Path.GetRelativePath(Path.GetFullPath(baseDirectory), path);
                if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathFullyQualified(relative)) path = relative;
            }
            if (Path.IsPathFullyQualified(path)) return new Uri(path).AbsoluteUri;
        }
        var segments = path.Replace('\\', '/').Split('/');
        return string.Join('/', segments.Select(s => s == "." || s == ".." ? s : Uri.EscapeDataString(s)));
    }
}
