namespace RubricEngine.Reports.IO;

/// <summary>
/// What a file looked like at one moment: length and last write time, cheap to compare, to tell whether somebody
/// wrote it since (another run, a person saving in Excel). The gradebook update adds a hash of the bytes.
/// </summary>
public sealed record FileStamp(long Length, DateTime LastWriteUtc)
{
    /// <summary>The file's stamp now; null when it does not exist.</summary>
    public static FileStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
    }
}
