using RubricEngine.Fuzz;
using SharpFuzz;

// rubric-fuzz <target>                 AFL++ mode (run under afl-fuzz with a SharpFuzz-instrumented RubricEngine.dll)
// rubric-fuzz <target> --loop <seconds> <seed-folder>...
//                                      coverage-less mutation loop: no instrumentation needed
// rubric-fuzz <target> --replay <file>... run the target once per file (reproduce a crash)
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: rubric-fuzz <{string.Join("|", FuzzTargets.All.Keys)}> [--loop <seconds> <seed-folder>... | --replay <file>...]");
    return 2;
}

if (args.Length > 1 && args[1] == "--replay")
{
    foreach (var file in args.Skip(2)) target(File.ReadAllBytes(file));
    Console.WriteLine($"replayed {args.Length - 2} input(s) without an exception");
    return 0;
}

if (args.Length > 2 && args[1] == "--loop")
    return MutationLoop.Run(args[0], target, TimeSpan.FromSeconds(double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)), args.Skip(3).ToList());

Fuzzer.OutOfProcess.Run(stream =>
{
    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    target(memory.ToArray());
});
return 0;
