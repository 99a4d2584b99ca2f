using System.Security.Cryptography;
using System.Text;

namespace RubricEngine.Reports.Safety;

/// <summary>
/// Hands out file names in one output folder: safe (<see cref="SafeFileName.For"/>), unique ignoring case (for
/// Windows and macOS), and verified to stay in the folder. Collisions get <c>-2</c>, <c>-3</c>… in the order asked,
/// which is deterministic because grades arrive in the run's order.
/// </summary>
public sealed class SafeOutputFolder
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public SafeOutputFolder(string folder)
    {
        Root = Path.GetFullPath(folder);
    }

    /// <summary>The folder's full path.</summary>
    public string Root { get; }

    /// <summary>A new, unused full path for <paramref name="studentId"/> with <paramref name="extension"/> (".md").</summary>
    public string PathFor(string? studentId, string extension)
    {
        var stem = SafeFileName.For(studentId);
        var name = stem + extension;
        for (var n = 2; !_used.Add(name); n++) name = $"{stem}-{n}{extension}";
        return SafeFileName.PathInside(Root, name);
    }
}
