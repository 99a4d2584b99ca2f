using RubricEngine.Hosting;
using RubricEngine.Testing;
using RubricEngine.Traces;

namespace RubricEngine.Cli.Services;

/// <summary>Runs <c>rubric test &lt;dir&gt;</c>: every fixture of the rubric in the folder, with a readable diff.</summary>
internal sealed class RubricTestService(TextWriter output, RubricLoader loader)
{
    public int Run(string directoryOrRubric)
    {
        var rubricPath = FindRubric(directoryOrRubric);
        using var rubric = loader.Load(rubricPath);
        var reader = new TraceReader();
        var runner = new RubricTestRunner(rubric.Definition, file => ReadOne(reader, file), rubric.Runner);
        var report = runner.RunAll(rubricPath);
        output.WriteLine(report.ToString());
        if (report.Results.Count == 0)
        {
            output.WriteLine($"{directoryOrRubric}: error: no fixtures found (put *.fixture.json files under fixtures/).");
            return ExitCodes.Partial;
        }
        return report.Passed ? ExitCodes.Success : ExitCodes.Partial;
    }

    private static Trace ReadOne(TraceReader reader, string file)
    {
        var result = reader.Read([file]);
        if (result.Errors.Count > 0) throw new InvalidDataException(result.Errors[0].ToString());
        return result.Traces.Count == 1 ? result.Traces[0] : throw new InvalidDataException($"{file}: a fixture holds exactly one trace.");
    }

    internal static string FindRubric(string path)
    {
        if (File.Exists(path)) return path;
        if (!Directory.Exists(path)) throw new UserErrorException($"{path}: error: no such rubric folder.");
        var candidates = Directory.GetFiles(path, "*.rubric.csx").Concat(Directory.GetFiles(path, "rubric.csx")).Distinct().Order(StringComparer.Ordinal).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new UserErrorException($"{path}: error: no *.rubric.csx in this folder."),
            _ => throw new UserErrorException($"{path}: error: several rubrics ({string.Join(", ", candidates.Select(Path.GetFileName))}); name one."),
        };
    }
}
