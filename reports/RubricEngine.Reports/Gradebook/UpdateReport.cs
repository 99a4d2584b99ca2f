namespace RubricEngine.Reports.Gradebook;

/// <summary>What an update of a gradebook did.</summary>
/// <param name="Path">The gradebook updated.</param>
/// <param name="BackupPath">The copy of the gradebook as it was before the update.</param>
/// <param name="StudentsUpdated">Gradebook rows that received grades.</param>
/// <param name="AddedColumns">Headers of the columns that were added at the end of the header row.</param>
/// <param name="StudentsWithoutTrace">Key values of gradebook rows no trace matched.</param>
/// <param name="TracesWithoutStudent">Student ids of traces no gradebook row matched.</param>
/// <param name="KeptOverrides">Manual overrides left as they were.</param>
/// <param name="DuplicateTraces">Students with more than one trace: the highest total was written.</param>
/// <param name="Reapplied">
/// How many times the gradebook changed on disk while this update was being written (a person saving it), so it was
/// read again and this run's columns applied again to what was there.
/// </param>
public sealed record UpdateReport(
    string Path,
    string BackupPath,
    int StudentsUpdated,
    IReadOnlyList<string> AddedColumns,
    IReadOnlyList<string> StudentsWithoutTrace,
    IReadOnlyList<string> TracesWithoutStudent,
    IReadOnlyList<KeptOverride> KeptOverrides,
    IReadOnlyList<string> DuplicateTraces,
    int Reapplied = 0);
