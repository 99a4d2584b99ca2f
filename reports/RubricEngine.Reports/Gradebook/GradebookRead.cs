using System.Security.Cryptography;
using RubricEngine.Reports.IO;

namespace RubricEngine.Reports.Gradebook;

/// <summary>A file read whole, with its stamp and SHA-256, to check before replacing it that nobody wrote it since.</summary>
internal sealed record GradebookRead(byte[] Bytes, FileStamp Stamp, string Sha256)
{
    /// <summary>Reads <paramref name="path"/>; the stamp is taken before and after, and the read retried while they differ (a save in progress).</summary>
    public static GradebookRead Of(string path)
    {
        for (var i = 0; ; i++)
        {
            var before = FileStamp.Of(path) ?? throw new FileNotFoundException($"\"{path}\" does not exist.", path);
            var bytes = File.ReadAllBytes(path);
            if (FileStamp.Of(path) == before && bytes.Length == before.Length || i >= 5)
                return new GradebookRead(bytes, before, Convert.ToHexString(SHA256.HashData(bytes)));
            Thread.Sleep(50);
        }
    }

    /// <summary>True when <paramref name="path"/> still holds exactly these bytes (stamp first; the hash when the stamp agrees).</summary>
    public bool StillMatches(string path)
    {
        if (FileStamp.Of(path) != Stamp) return false;
        try
        {
            return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) == Sha256;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }
}
