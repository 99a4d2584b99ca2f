using System.Globalization;
using BenchmarkDotNet.Running;
using RubricEngine.Benchmarks;

// Modes (see BENCHMARKS.md):
//   generate <folder> <count> [seed]      synthetic hw7 corpus, one rubric-trace/1 file per trace
//   parse <folder> [threads] [both|floor|reader]  the parse-only floor, ordered like grading: ReadAllBytes + JsonDocument.Parse
//                                         (generic) and our TraceReader, wall and thread CPU each
//   profile <rubric.csx> <folder> [threads] in-process grading with per-phase and per-rule CPU time
//   nettrace <file.nettrace> [top] [filter] where CPU samples of an EventPipe trace fall
//   xlsx <rubric.csx> <folder> <out.xlsx> [repeats] [--verify]  grade once, then time the gradebook workbook write alone
//   html <rubric.csx> <folder> [repeats]  grade once keeping analyses, then time rendering every review-site page on one thread
//   markdown <folder> [repeats]           the markdown phase alone (guard, Markdig, whole parse) + a digest of all documents
//   segdump <rubric.csx> <folder> <out>   every segment of every trace, one line each (diff before/after a segmenter change)
//   segtime <rubric.csx> <folder> [repeats] the segmentation phase alone: thread CPU per pass over pre-parsed traces
//   checks-corpus [--all]                 the built-in checks against the labeled corpora of tests/check-corpora
//   attribution [corpus|-] [name]         segmenter precision/recall on the labeled attribution corpus (and the real sessions)
//   hot [BenchmarkDotNet args]            BenchmarkDotNet micro-benchmarks of the hot functions
var command = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
int Int(int i, int fallback) => rest.Length > i ? int.Parse(rest[i], CultureInfo.InvariantCulture) : fallback;

switch (command)
{
    case "generate" when rest.Length >= 2:
        return CorpusCommand.Generate(rest[0], Int(1, 0), Int(2, 182));
    case "parse" when rest.Length >= 1:
        return ParseFloor.Run(rest[0], Int(1, Environment.ProcessorCount), rest.Length > 2 ? rest[2] : "both");
    case "profile" when rest.Length >= 2:
        return GradingProfile.Run(rest[0], rest[1], Int(2, Environment.ProcessorCount));
    case "nettrace" when rest.Length >= 1:
        return NetTraceReport.Run(rest[0], Int(1, 40), rest.Length > 2 ? rest[2] : null);
    case "html" when rest.Length >= 2:
        return HtmlPagesBench.Run(rest[0], rest[1], Int(2, 3));
    case "markdown" when rest.Length >= 1:
        return MarkdownPhase.Run(rest[0], Int(1, 3));
    case "xlsx" when rest.Length >= 3:
        return XlsxWriteBench.Run(rest[0], rest[1], rest[2], Int(3, 3), rest.Contains("--verify"));
    case "segdump" when rest.Length >= 3:
        return SegmentationDump.Run(rest[0], rest[1], rest[2]);
    case "segtime" when rest.Length >= 2:
        return SegmentationDump.Time(rest[0], rest[1], Int(2, 5));
    case "checks-corpus":
        return ChecksCorpusCommand.Run(rest.Contains("--all"));
    case "attribution":
        return AttributionBenchmark.Run(rest.Length > 0 && rest[0] != "-" ? rest[0] : null, rest.Length > 1 ? rest[1] : null);
    case "hot":
        BenchmarkSwitcher.FromAssembly(typeof(HotPathBenchmarks).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest);
        return 0;
    default:
        Console.Error.WriteLine("usage: generate <folder> <count> [seed] | parse <folder> [threads] [both|floor|reader] | profile <rubric.csx> <folder> [threads] | xlsx <rubric.csx> <folder> <out.xlsx> [repeats] [--verify] | html <rubric.csx> <folder> [repeats] | markdown <folder> [repeats] | segdump <rubric.csx> <folder> <out> | checks-corpus [--all] | attribution [corpus] | hot [args]");
        return 2;
}
