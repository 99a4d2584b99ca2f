namespace RubricEngine.Reports.Html;

/// <summary>
/// The review site's folder, written whole or not at all: pages go to a temporary folder next to the target, and
/// <see cref="Commit"/> swaps it in (the old site, if any, is moved aside and deleted after the swap). Disposed
/// without a commit, it deletes the temporary folder and leaves the target as it was. A target that exists but was
/// not written by this tool (no marker file) is refused rather than replaced.
/// </summary>
public sealed class SiteFolder : IDisposable
{
    /// <summary>The file that says a folder is a review site this tool may replace.</summary>
    public const string MarkerName = ".rubric-review";

    private bool _committed;

    public SiteFolder(string target)
    {
        Target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        if (File.Exists(Target)) throw new IOException($"{target}: a file of that name exists; --html needs a folder.");
        if (Directory.Exists(Target) && Directory.EnumerateFileSystemEntries(Target).Any() && !File.Exists(Path.Combine(Target, MarkerName)))
            throw new IOException($"{target}: the folder exists and is not a review site written by rubric; choose an empty or new folder.");
        var parent = Path.GetDirectoryName(Target) ?? throw new IOException($"{target}: cannot write a site at the root.");
        Directory.CreateDirectory(parent);
        Temporary = Path.Combine(parent, $".{Path.GetFileName(Target)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Temporary);
        File.WriteAllText(Path.Combine(Temporary, MarkerName), "Written by rubric grade --html. The whole folder is replaced by the next run.\n");
    }

    /// <summary>Where the site will be.</summary>
    public string Target { get; }

    /// <summary>Where it is being written.</summary>
    public string Temporary { get; }

    /// <summary>Puts the finished site in place of the target.</summary>
    public void Commit()
    {
        if (!Directory.Exists(Target))
        {
            Directory.Move(Temporary, Target);
        }
        else
        {
            var old = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}.old-{Guid.NewGuid():N}");
            Directory.Move(Target, old);
            try
            {
                Directory.Move(Temporary, Target);
            }
            catch
            {
                Directory.Move(old, Target); // put the previous site back
                throw;
            }
            TryDelete(old);
        }
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed) TryDelete(Temporary);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden folder is harmless; the site itself is complete.
        }
    }
}
