using ClosedXML.Excel;
using RubricEngine.Grading;
using RubricEngine.Reports.IO;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// Writes grades into an existing course gradebook (<c>.xlsx</c> or <c>.csv</c>, e.g. a Canvas export) in place:
/// matches students by a key column, writes the total (and, on request, each criterion) into named columns,
/// adds missing columns at the end, and leaves everything else as it was. A timestamped backup is made first;
/// the new file replaces the old one atomically.
/// </summary>
/// <remarks>
/// <para>
/// Two runs never lose each other's columns: the whole read-modify-write holds the gradebook's
/// <see cref="OutputLock"/>, so a second run waits for the first and then reads the file the first wrote.
/// </para>
/// <para>
/// A person does not take the lock: before the rename the file is checked against what was read (length, time,
/// SHA-256). If it changed, it is read again and this run's columns are applied again to the new content — unless a
/// cell this run writes was changed, which stops the update with a message and leaves the file as the person saved it.
/// </para>
/// <para>
/// A cell a grader set by hand is kept when it is marked as an override — in xlsx a note whose text starts with
/// "override", in CSV a value starting with "override" — and its value differs; it is listed in the report.
/// </para>
/// </remarks>
public static class GradebookUpdater
{
    private const int MaxRereads = 5;

    /// <summary>Updates the gradebook at <paramref name="path"/>; throws <see cref="GradebookUpdateException"/> before touching it when it cannot.</summary>
    public static UpdateReport Update(string path, IReadOnlyList<TraceGrade> grades, GradebookUpdateOptions options)
    {
        if (!File.Exists(path)) throw new GradebookUpdateException($"The gradebook \"{path}\" does not exist.");
        var xlsx = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" or ".xlsm" => true,
            // Blackboard's default "Download Results" .xls is tab-separated UTF-16 text, not an Excel workbook.
            ".csv" or ".txt" or ".tsv" or ".xls" => false,
            _ => throw new GradebookUpdateException($"Cannot update \"{path}\": only .xlsx and .csv gradebooks (and Blackboard's text .xls) are supported."),
        };
        var policy = options.Policy ?? OutputPolicy.Default;
        foreach (var warning in OfficeOwnerFiles.Warnings(path)) policy.Report?.Invoke(warning);

        using var held = OutputLock.Acquire(path, policy);
        Dictionary<(string, string), string>? cellsBefore = null;
        for (var attempt = 0; ; attempt++)
        {
            var read = GradebookRead.Of(path);
            var plan = new GradebookPlan(grades, options);
            if (!xlsx && read.Bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
                throw new GradebookUpdateException($"\"{path}\" is a binary Excel 97-2003 workbook, which this tool does not write; save it as .xlsx (or download the gradebook as tab-separated text) and run again. It was not changed.");
            var updated = xlsx ? ApplyXlsx(path, read.Bytes, plan) : CsvGradebookUpdate.Apply(read.Bytes, plan);
            if (cellsBefore is not null) StopIfEditedByHand(path, cellsBefore, plan.CellsRead);

            using var file = AtomicFile.Create(path, policy);
            file.Stream.Write(updated);
            options.BeforeReplace?.Invoke(attempt);
            if (!read.StillMatches(path))
            {
                if (attempt + 1 >= MaxRereads)
                    throw new GradebookUpdateException($"\"{path}\" kept changing while this run wrote it ({MaxRereads} times); it was left as it was. Close it in other programs and run again.");
                cellsBefore = plan.CellsRead;
                continue; // somebody saved it meanwhile: read their version and apply this run's columns to it
            }
            var backup = AtomicFile.BackupBytes(path, read.Bytes, options.Now ?? DateTimeOffset.Now);
            file.Commit(new ReplaceOptions { LockHeld = true });
            return plan.Report(path, backup, attempt);
        }
    }

    private static byte[] ApplyXlsx(string path, byte[] bytes, GradebookPlan plan)
    {
        using var workbook = Open(path, bytes);
        XlsxGradebookUpdate.Apply(workbook, plan);
        using var output = new MemoryStream(bytes.Length + 4096);
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>Stops when a cell this run writes holds something else than at the first read: a person changed it.</summary>
    private static void StopIfEditedByHand(string path, Dictionary<(string, string), string> before, Dictionary<(string, string), string> now)
    {
        var changed = before.Keys.Union(now.Keys)
            .Where(k => before.GetValueOrDefault(k, "") != now.GetValueOrDefault(k, ""))
            .Order()
            .ToList();
        if (changed.Count == 0) return;
        var cells = string.Join("; ", changed.Take(5).Select(k =>
            $"'{k.Item2}' of {k.Item1}: \"{before.GetValueOrDefault(k, "")}\" → \"{now.GetValueOrDefault(k, "")}\""));
        throw new GradebookUpdateException(
            $"\"{path}\" was changed by somebody else while this run updated it, in cells this run writes ({cells}" +
            $"{(changed.Count > 5 ? $"; and {changed.Count - 5} more" : "")}). Their version was left as it is and this run's grades were not written to it; " +
            "check those cells and run again.");
    }

    private static XLWorkbook Open(string path, byte[] bytes)
    {
        try
        {
            return new XLWorkbook(new MemoryStream(bytes, writable: false));
        }
        catch (Exception e) when (e is not GradebookUpdateException)
        {
            throw new GradebookUpdateException($"Cannot open \"{path}\" as a workbook: {e.Message}");
        }
    }
}
