using System.Text;
using System.Text.RegularExpressions;

namespace RubricEngine.Reports.IO;

/// <summary>
/// One output being written so that a crash or a kill at any moment leaves either the old file or the new one, never
/// a broken one, and two runs never interleave: the content goes to a hidden temporary file beside the target
/// (<c>.grades.csv.&lt;guid&gt;.tmp</c>, held exclusively while it is written); <see cref="Commit"/> flushes it to
/// disk, takes the target's <see cref="OutputLock"/>, keeps a backup when asked, and renames it over the target (an
/// atomic replace on the same volume). Disposing without committing deletes the temporary file. Streaming writers
/// (CSV, SARIF) write into <see cref="Stream"/> for the whole run; <see cref="Write"/> does it all in one call.
/// </summary>
public sealed partial class AtomicFile : IDisposable
{
    /// <summary>Temporary files younger than this are never taken for leftovers, whatever their state.</summary>
    public static readonly TimeSpan LeftoverAge = TimeSpan.FromMinutes(1);

    private readonly string _temp;
    private readonly OutputPolicy _policy;
    private FileStream? _stream;
    private bool _committed;

    private AtomicFile(string path, OutputPolicy policy, bool removeLeftovers)
    {
        Path = System.IO.Path.GetFullPath(path);
        _policy = policy;
        var directory = System.IO.Path.GetDirectoryName(Path) ?? ".";
        Directory.CreateDirectory(directory);
        if (removeLeftovers) RemoveLeftovers(directory, System.IO.Path.GetFileName(Path));
        Before = FileStamp.Of(Path);
        _temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
    }

    /// <summary>The target's full path.</summary>
    public string Path { get; }

    /// <summary>The target as it was when this write started (null: it did not exist).</summary>
    public FileStamp? Before { get; }

    /// <summary>Where to write the content.</summary>
    public Stream Stream => _stream ?? throw new ObjectDisposedException(nameof(AtomicFile));

    /// <summary>
    /// Starts writing <paramref name="path"/>; removes the leftovers of killed runs on the same target first (see
    /// <see cref="RemoveLeftovers"/>) unless <paramref name="removeLeftovers"/> is false (a folder of many files
    /// cleans once).
    /// </summary>
    public static AtomicFile Create(string path, OutputPolicy? policy = null, bool removeLeftovers = true) =>
        new(path, policy ?? OutputPolicy.Default, removeLeftovers);

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically, under its lock.</summary>
    public static ReplaceResult Write(string path, Action<Stream> write, OutputPolicy? policy = null, ReplaceOptions? options = null)
    {
        using var file = Create(path, policy, options?.RemoveLeftovers ?? true);
        write(file.Stream);
        return file.Commit(options);
    }

    /// <summary>Writes text as UTF-8 without a byte-order mark, atomically.</summary>
    public static ReplaceResult WriteAllText(string path, string text, OutputPolicy? policy = null, ReplaceOptions? options = null) =>
        Write(path, s => s.Write(new UTF8Encoding(false).GetBytes(text)), policy, options);

    /// <summary>
    /// Flushes the content to disk and renames it over the target, holding the target's lock (unless the caller
    /// holds it already): the result says whether another run wrote the target since this write started, and
    /// where the backup went if <see cref="ReplaceOptions.BackupIf"/> asked for one.
    /// </summary>
    public ReplaceResult Commit(ReplaceOptions? options = null)
    {
        if (_committed) throw new InvalidOperationException("The file was committed already.");
        var stream = _stream ?? throw new ObjectDisposedException(nameof(AtomicFile));
        stream.Flush(flushToDisk: true);
        stream.Dispose();
        _stream = null;

        using var held = options?.LockHeld == true ? null : OutputLock.Acquire(Path, _policy);
        var now = FileStamp.Of(Path);
        var changed = now is not null && now != Before;
        string? backup = null, reason = null;
        if (now is not null && options?.BackupIf?.Invoke(Path, _temp) is { } why)
        {
            reason = why;
            backup = Backup(Path, options.Now ?? DateTimeOffset.Now);
        }
        File.Move(_temp, Path, overwrite: true);
        _committed = true;
        return new ReplaceResult(Path, changed, backup, reason);
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
        if (!_committed) TryDelete(_temp);
    }

    /// <summary>
    /// Copies <paramref name="path"/> to a timestamped backup beside it (<c>course.xlsx.2026-11-29T091500.bak</c>)
    /// and returns the backup's path.
    /// </summary>
    public static string Backup(string path, DateTimeOffset now) => BackupBytes(path, File.ReadAllBytes(path), now);

    /// <summary>
    /// Writes <paramref name="bytes"/> (the file as it was read) as <paramref name="path"/>'s timestamped backup:
    /// through a temporary file renamed to a name nobody has taken, so a kill never leaves half a backup.
    /// </summary>
    public static string BackupBytes(string path, byte[] bytes, DateTimeOffset now)
    {
        var full = System.IO.Path.GetFullPath(path);
        var temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full) ?? ".", $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var s = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                s.Write(bytes);
                s.Flush(flushToDisk: true);
            }
            var stem = $"{path}.{now.UtcDateTime:yyyy-MM-ddTHHmmss}";
            for (var n = 1; ; n++)
            {
                var backup = n == 1 ? $"{stem}.bak" : $"{stem}-{n - 1}.bak";
                try
                {
                    File.Move(temp, backup, overwrite: false);
                    return backup;
                }
                catch (IOException) when (File.Exists(backup))
                {
                    // taken by an earlier backup in the same second: next number
                }
            }
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>
    /// Removes the temporary files that killed runs left in <paramref name="directory"/> — only ours, by name
    /// (<c>.&lt;name&gt;.&lt;32 hex digits&gt;.tmp</c>, for <paramref name="name"/> or any name when null), at least
    /// <see cref="LeftoverAge"/> old, and not held open by a live run (which holds its own exclusively). Returns how
    /// many were removed.
    /// </summary>
    public static int RemoveLeftovers(string directory, string? name = null)
    {
        if (!Directory.Exists(directory)) return 0;
        var removed = 0;
        var pattern = name is null ? ".*.tmp" : $".{name}.*.tmp";
        foreach (var file in Directory.EnumerateFiles(directory, pattern))
        {
            var fileName = System.IO.Path.GetFileName(file);
            var match = TempName().Match(fileName);
            if (!match.Success || (name is not null && match.Groups[1].Value != name)) continue;
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < LeftoverAge) continue;
            try
            {
                // Opening exclusively fails while a live run still writes it; closing deletes it.
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // in use, or gone already
            }
        }
        return removed;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"^\.(.+)\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();
}
