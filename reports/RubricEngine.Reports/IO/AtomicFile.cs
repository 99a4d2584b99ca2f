namespace RubricEngine.Reports.IO;

/// <summary>
/// Writes files so that a crash or a kill at any moment leaves either the old file or the new one, never a
/// broken one: the content goes to a temporary file in the same folder, is flushed to disk, then renamed over
/// the target (an atomic replace on the same volume).
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes text as UTF-8 without a byte-order mark, atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, s =>
        {
            using var writer = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write(text);
        });

    /// <summary>
    /// Copies <paramref name="path"/> to a timestamped backup beside it (<c>course.xlsx.2026-11-29T091500.bak</c>)
    /// and returns the backup's path.
    /// </summary>
    public static string Backup(string path, DateTimeOffset now)
    {
        var backup = $"{path}.{now.UtcDateTime:yyyy-MM-ddTHHmmss}.bak";
        var n = 1;
        while (File.Exists(backup)) backup = $"{path}.{now.UtcDateTime:yyyy-MM-ddTHHmmss}-{n++}.bak";
        File.Copy(path, backup);
        return backup;
    }
}
