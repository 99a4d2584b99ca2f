using System.Text;
using System.Text.RegularExpressions;

namespace RubricEngine.Reports.IO;

/// <summary>What replacing an output did.</summary>
/// <param name="Path">The output.</param>
/// <param name="ChangedSinceStart">Somebody (another run, a person) wrote the output after this run started writing it.</param>
/// <param name="BackupPath">The backup of the replaced file, when one was kept.</param>
/// <param name="BackupReason">Why the backup was kept.</param>
public sealed record ReplaceResult(string Path, bool ChangedSinceStart, string? BackupPath, string? BackupReason);
