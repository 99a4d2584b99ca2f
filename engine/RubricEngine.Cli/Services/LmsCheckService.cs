using RubricEngine.Reports.Gradebook;

namespace RubricEngine.Cli.Services;

/// <summary>
/// Runs <c>rubric lms-check</c>: reads the file by the LMS's documented import rules (<see cref="LmsImportCheck"/>) and
/// prints which column goes to which grade item, new items, points possible, unknown students and unreadable cells.
/// Exit 0 when the LMS would import it without harm, 1 when it would refuse it or change what it must not.
/// </summary>
public sealed class LmsCheckService(TextWriter output)
{
    public int Run(string file, string format, string? roster)
    {
        var system = format switch
        {
            "canvas" => LmsSystem.Canvas,
            "moodle" => LmsSystem.Moodle,
            "blackboard" => LmsSystem.Blackboard,
            "brightspace" => LmsSystem.Brightspace,
            _ => LmsSystem.Gradescope,
        };
        LmsCheckReport report;
        try
        {
            report = LmsImportCheck.Check(file, system, roster);
        }
        catch (GradebookUpdateException e)
        {
            throw new UserErrorException($"error: {e.Message}");
        }
        foreach (var line in report.Lines()) output.WriteLine(line);
        return report.HasErrors ? ExitCodes.Partial : ExitCodes.Success;
    }
}
