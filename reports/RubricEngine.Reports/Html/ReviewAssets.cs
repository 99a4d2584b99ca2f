using System.Reflection;

namespace RubricEngine.Reports.Html;

/// <summary>
/// The site's bundled files (our CSS and JS, KaTeX's script, style sheet and woff2 fonts), embedded in this
/// assembly and written next to the pages, so the site works offline and nothing is fetched.
/// </summary>
public static class ReviewAssets
{
    private const string Prefix = "review/";

    /// <summary>The bundled files' paths relative to the assets folder (<c>review.js</c>, <c>katex/fonts/…</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(ReviewAssets).Assembly.GetManifestResourceNames()
        .Select(n => n.Replace('\\', '/'))
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Writes every bundled file under <paramref name="folder"/>.</summary>
    public static void WriteTo(string folder)
    {
        var assembly = typeof(ReviewAssets).Assembly;
        var resources = assembly.GetManifestResourceNames().ToDictionary(n => n.Replace('\\', '/'), StringComparer.Ordinal);
        foreach (var name in Names)
        {
            var path = Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var source = assembly.GetManifestResourceStream(resources[Prefix + name])
                ?? throw new InvalidOperationException($"The bundled file {name} is missing from {assembly.GetName().Name}.");
            using var target = File.Create(path);
            source.CopyTo(target);
        }
    }

    /// <summary>One bundled file's text (tests).</summary>
    internal static string Read(string name)
    {
        var assembly = typeof(ReviewAssets).Assembly;
        var resource = assembly.GetManifestResourceNames().First(n => n.Replace('\\', '/') == Prefix + name);
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}
