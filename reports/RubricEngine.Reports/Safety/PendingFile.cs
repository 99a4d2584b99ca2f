namespace RubricEngine.Reports.Safety;

/// <summary>
/// The streaming form of <see cref="IO.AtomicFile"/>: content goes to a temporary file beside the target while a
/// long run writes it, and only <see cref="Commit"/> flushes it to disk and renames it over the target. Disposing
/// without committing deletes the temporary file, so a crash or a cancelled run never leaves half a report.
/// </summary>
public sealed class PendingFile : IDisposable
{
    private readonly string _temp;
    private FileStream? _stream;
    private bool _committed;

    private PendingFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path) ?? ".";
        Directory.CreateDirectory(directory);
        _temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
    }

    /// <summary>The target's full path.</summary>
    public string Path { get; }

    /// <summary>Where to write the content.</summary>
    public Stream Stream => _stream ?? throw new ObjectDisposedException(nameof(PendingFile));

    /// <summary>Starts writing <paramref name="path"/>.</summary>
    public static PendingFile Create(string path) => new(path);

    /// <summary>Flushes the content to disk and renames it over the target.</summary>
    public void Commit()
    {
        if (_committed) return;
        var stream = _stream ?? throw new ObjectDisposedException(nameof(PendingFile));
        stream.Flush(flushToDisk: true);
        stream.Dispose();
        _stream = null;
        File.Move(_temp, Path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
        if (!_committed && File.Exists(_temp)) File.Delete(_temp);
    }
}
