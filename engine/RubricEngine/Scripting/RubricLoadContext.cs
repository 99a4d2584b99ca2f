using System.Reflection;
using System.Runtime.Loader;

namespace RubricEngine.Scripting;

/// <summary>
/// A collectible load context for one compiled rubric. The engine and the framework come from the default
/// context (so <c>RubricGlobals</c>, <c>ICheck</c>… are the same types on both sides); assemblies the rubric
/// references with <c>#r</c> are loaded here, from bytes, so no file stays locked.
/// </summary>
internal sealed class RubricLoadContext(string name, IReadOnlyList<string> referencePaths) : AssemblyLoadContext(name, isCollectible: true)
{
    private readonly Dictionary<string, string> _references = referencePaths
        .Select(p => (Name: TryGetName(p), Path: p))
        .Where(x => x.Name is not null)
        .GroupBy(x => x.Name!, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().Path, StringComparer.OrdinalIgnoreCase);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || !_references.TryGetValue(assemblyName.Name, out var path)) return null; // default context
        var shared = Default.Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, assemblyName.Name, StringComparison.OrdinalIgnoreCase));
        if (shared is not null) return shared;
        using var stream = new MemoryStream(File.ReadAllBytes(path));
        return LoadFromStream(stream);
    }

    private static string? TryGetName(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Name;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or ArgumentException)
        {
            return null;
        }
    }
}
