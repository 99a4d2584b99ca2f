using RubricEngine.Traces;

namespace RubricEngine.Cli.Services;

/// <summary>Builds the trace reader's options from command-line values, turning bad ones into user errors.</summary>
internal static class ReaderOptions
{
    public static TraceReaderOptions From(string? studentPattern, string? studentsCsv, string? assignment, string? format = null, double? maxFileMegabytes = null)
    {
        StudentRoster? roster = null;
        if (studentsCsv is not null)
        {
            if (!File.Exists(studentsCsv)) throw new UserErrorException($"{studentsCsv}: error: the students file was not found.");
            try
            {
                roster = StudentRoster.Load(studentsCsv);
            }
            catch (FormatException e)
            {
                throw new UserErrorException(e.Message);
            }
        }
        var options = new TraceReaderOptions { FileNamePattern = studentPattern, Roster = roster, Assignment = assignment, Format = format };
        return maxFileMegabytes is { } mb ? options with { MaxFileBytes = (long)(mb * 1024 * 1024) } : options;
    }
}
