namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// The files Excel and LibreOffice create beside a document they have open (<c>~$course.xlsx</c>,
/// <c>.~lock.course.xlsx#</c>): a gradebook being updated while a person has it open will lose this run's column
/// when they save, so the update warns and names the program.
/// </summary>
internal static class OfficeOwnerFiles
{
    public static IEnumerable<string> Warnings(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        var name = Path.GetFileName(full);
        // Excel names its owner file "~$" + the name; Word-style truncation drops the first two characters of long names.
        var excel = new[] { "~$" + name, name.Length > 2 ? "~$" + name[2..] : null }
            .FirstOrDefault(n => n is not null && File.Exists(Path.Combine(folder, n)));
        if (excel is not null)
            yield return $"{path}: warning: the gradebook is open in Microsoft Excel ({excel} exists). Close it there without saving after this run, or saving it would remove this run's column.";
        var libre = $".~lock.{name}#";
        if (File.Exists(Path.Combine(folder, libre)))
            yield return $"{path}: warning: the gradebook is open in LibreOffice ({libre} exists). Close it there without saving after this run, or saving it would remove this run's column.";
    }
}
