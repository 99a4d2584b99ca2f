using System.Text;
using RubricEngine.Reports.IO;
using RubricEngine.Reports.Safety;
using RubricEngine.Traces;

namespace RubricEngine.Cli.Services;

/// <summary>
/// Runs <c>rubric import</c>: reads an export in any format and writes canonical <c>rubric-trace/1</c>, one file per
/// trace in a folder, or every trace in one JSON Lines file.
/// </summary>
internal sealed class ImportService(TextWriter output)
{
    public int Run(string format, string input, string destination, TraceReaderOptions options, bool detailed = false)
    {
        if (format != "auto" && !TraceFormats.All.Contains(format, StringComparer.OrdinalIgnoreCase))
            throw new UserErrorException($"Unknown format '{format}'. Known: auto, {string.Join(", ", TraceFormats.All)}.");
        var reader = new TraceReader(options with { Format = format == "auto" ? null : format });
        var result = reader.Read([input]);
        foreach (var error in result.Errors) output.WriteLine(error.ToString());
        foreach (var skipped in result.Skipped) output.WriteLine(skipped.ToString());
        if (detailed) foreach (var d in result.ReadAs) output.WriteLine(d.ToString());

        if (destination.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var lines = new StringBuilder();
            foreach (var trace in result.Traces)
                lines.Append(System.Text.Json.Nodes.JsonNode.Parse(CanonicalTraceWriter.ToJson(trace))!.ToJsonString()).Append('\n');
            AtomicFile.WriteAllText(destination, lines.ToString());
            output.WriteLine($"Wrote {result.Traces.Count} {(result.Traces.Count == 1 ? "trace" : "traces")} to {destination}.");
        }
        else
        {
            Directory.CreateDirectory(destination);
            var folder = new SafeOutputFolder(destination);
            AtomicFile.RemoveLeftovers(folder.Root);
            var once = new ReplaceOptions { RemoveLeftovers = false }; // the folder was cleaned once, above
            foreach (var trace in result.Traces)
            {
                // Trace ids come from student files: the name must stay inside the output folder.
                var path = folder.PathFor(trace.Id, ".json");
                AtomicFile.WriteAllText(path, CanonicalTraceWriter.ToJson(trace), options: once);
            }
            output.WriteLine($"Wrote {result.Traces.Count} {(result.Traces.Count == 1 ? "trace" : "traces")} to {destination}{Path.DirectorySeparatorChar}.");
        }
        return result.Errors.Count > 0 || result.Skipped.Any(s => s.MightBeTrace) ? ExitCodes.Partial : ExitCodes.Success;
    }
}
