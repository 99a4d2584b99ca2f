using System.Security.Cryptography;
using System.Text;

namespace RubricEngine.Reports.Safety;

/// <summary>
/// Turns a student id (untrusted: it comes from a trace) into a file name that is safe on Linux, macOS and Windows:
/// letters, digits and <c>. _ - @ +</c> only, no <c>..</c>, no leading or trailing dots, no reserved device
/// names (CON, NUL, COM1…), at most <see cref="MaxLength"/> characters.
/// </summary>
public static class SafeFileName
{
    /// <summary>Longest stem returned (before an extension and a collision suffix).</summary>
    public const int MaxLength = 64;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// The safe stem for <paramref name="studentId"/> (no extension). Different ids can give the same stem
    /// (<c>a/b</c> and <c>a_b</c>); <see cref="SafeOutputFolder"/> disambiguates them.
    /// </summary>
    public static string For(string? studentId)
    {
        var id = studentId ?? "";
        var builder = new StringBuilder(Math.Min(id.Length, 256));
        foreach (var c in Normalize(id))
        {
            var mapped = char.IsLetterOrDigit(c) || c is '-' or '_' or '@' or '+' or '.' ? c : '_';
            // Collapse runs so "../.." cannot survive as "..", and "a///b" stays readable.
            if ((mapped is '.' or '_') && builder.Length > 0 && builder[^1] == mapped) continue;
            builder.Append(mapped);
            if (builder.Length > 4 * MaxLength) break;
        }

        var stem = builder.ToString().Trim('.', '_', '-', ' ');
        if (stem.Length == 0) return "student-" + ShortHash(id);
        var device = stem.Split('.')[0];
        if (Reserved.Contains(device)) stem = "_" + stem;
        if (stem.Length > MaxLength) stem = stem[..(MaxLength - 9)].TrimEnd('.') + "-" + ShortHash(id);
        return stem;
    }

    /// <summary>
    /// The full path of <paramref name="fileName"/> in <paramref name="folder"/>, verified to be directly inside
    /// it; throws <see cref="InvalidOperationException"/> otherwise.
    /// </summary>
    public static string PathInside(string folder, string fileName)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var full = Path.GetFullPath(Path.Combine(root, fileName));
        var parent = Path.GetDirectoryName(full);
        if (!string.Equals(parent, root, StringComparison.Ordinal) || Path.GetFileName(full) != fileName)
            throw new InvalidOperationException($"The file name '{fileName}' would leave the output folder {root}.");
        return full;
    }

    private static string Normalize(string id)
    {
        try
        {
            return id.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return id; // invalid UTF-16 (a lone surrogate): the character filter replaces it anyway
        }
    }

    private static string ShortHash(string id) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..8];
}
