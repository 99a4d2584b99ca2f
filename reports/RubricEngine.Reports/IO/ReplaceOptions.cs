using System.Text;
using System.Text.RegularExpressions;

namespace RubricEngine.Reports.IO;

/// <summary>What an <see cref="AtomicFile"/> write may do besides the rename.</summary>
public sealed record ReplaceOptions
{
    /// <summary>
    /// Asked, when the target exists, with the target and the new content's temporary file: a reason to keep a backup
    /// of the target before replacing it ("it holds 24 students, this run 2"), or null for none.
    /// </summary>
    public Func<string, string, string?>? BackupIf { get; init; }

    /// <summary>
    /// Remove killed runs' temporary files of the target first (default true). False for many files written into
    /// one folder, which calls <see cref="AtomicFile.RemoveLeftovers"/> once instead of reading the folder per file.
    /// </summary>
    public bool RemoveLeftovers { get; init; } = true;

    /// <summary>The caller holds the target's <see cref="OutputLock"/> already (a read-modify-write).</summary>
    public bool LockHeld { get; init; }

    /// <summary>Time stamp of a backup; now when null.</summary>
    public DateTimeOffset? Now { get; init; }
}
