using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RubricEngine.Fuzz;

/// <summary>
/// A coverage-less fuzzer for machines without AFL++: mutates seed files (byte flips, splices, repeats, hostile
/// tokens) and runs the target in-process, saving every input that throws to <c>crashes/</c>. Deterministic for a
/// given seed (env RUBRIC_FUZZ_SEED).
/// </summary>
public static class MutationLoop
{
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "\"", ":", ",", "\\u0000", "\\ud800", "\\udc00", "1e999999", "-0", "NaN", "null", "true",
        "\"format\":\"rubric-trace/1\"", "\"messages\":", "\"role\":\"assistant\"", "\"content\":", "\"mapping\":", "\"parent\":",
        "## User\n", "## Assistant\n", "\n\n", "```", "`", "$", "$$", "\\[", "\\]", "\\(", "\\)", "\\frac{", "\\left(", "\\right)",
        "^{", "_{", "\\top", "\\|", "\\operatorname{tr}", "> ", "- ", "1. ", "| a | b |\n|---|---|\n", "**", "_", "(a)", "3.b.i", "4.a",
        "Problem 4", "341 seconds", "94%", "3x", "8 V100s", "~18 hours", "1,000,000", "0.", "\u200B", "\u202E", "\uFEFF", "\uFFFD", "\r\n",
    ];

    public static int Run(string name, Action<byte[]> target, TimeSpan duration, IReadOnlyList<string> seedFolders)
    {
        var seeds = seedFolders.SelectMany(f => Directory.Exists(f) ? Directory.GetFiles(f, "*", SearchOption.AllDirectories) : [f])
            .Where(File.Exists).OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes).Where(b => b.Length <= 1 << 20).ToList();
        if (seeds.Count == 0) seeds.Add("{}"u8.ToArray());
        var seed = int.TryParse(Environment.GetEnvironmentVariable("RUBRIC_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 182;
        var random = new Random(seed);
        var crashes = Path.Combine("crashes", name);
        var clock = Stopwatch.StartNew();
        long runs = 0, crashCount = 0, slow = 0;
        var crashKinds = new HashSet<string>(StringComparer.Ordinal);
        var pool = new List<byte[]>(seeds);
        while (clock.Elapsed < duration)
        {
            var input = Mutate(pool[random.Next(pool.Count)], pool[random.Next(pool.Count)], random);
            var started = clock.Elapsed;
            try
            {
                target(input);
            }
            catch (Exception e)
            {
                crashCount++;
                var kind = $"{e.GetType().Name}: {e.Message}".Split('\n')[0];
                if (crashKinds.Add(kind))
                {
                    Directory.CreateDirectory(crashes);
                    var file = Path.Combine(crashes, $"crash-{crashKinds.Count:D3}.bin");
                    File.WriteAllBytes(file, input);
                    Console.WriteLine($"CRASH {file}: {kind}\n{e.StackTrace}");
                }
            }
            if (clock.Elapsed - started > TimeSpan.FromSeconds(2)) { slow++; Console.WriteLine($"SLOW input ({input.Length} bytes) took {(clock.Elapsed - started).TotalSeconds:0.0} s"); }
            runs++;
            // Keep some mutants as new parents, so mutations compound (a poor man's corpus growth).
            if (runs % 16 == 0 && input.Length <= 1 << 18) pool[seeds.Count + random.Next(Math.Max(1, pool.Count - seeds.Count)) is var i && i < pool.Count ? i : pool.Count - 1] = input;
            if (pool.Count < seeds.Count + 256 && runs % 7 == 0) pool.Add(input);
            if (runs % 10_000 == 0) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed:hh\\:mm\\:ss} runs={runs} crashes={crashCount} unique={crashKinds.Count} slow={slow}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"target={name} seconds={clock.Elapsed.TotalSeconds:0} runs={runs} execs/s={runs / clock.Elapsed.TotalSeconds:0} crashes={crashCount} unique={crashKinds.Count} slow={slow} seed={seed}"));
        return crashCount == 0 ? 0 : 1;
    }

    private static byte[] Mutate(byte[] a, byte[] b, Random random)
    {
        var data = new List<byte>(a);
        var steps = 1 + random.Next(8);
        for (var s = 0; s < steps; s++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
            switch (random.Next(8))
            {
                case 0 when data.Count > 0: data[Math.Min(at, data.Count - 1)] ^= (byte)(1 << random.Next(8)); break;
                case 1 when data.Count > 0: data[Math.Min(at, data.Count - 1)] = (byte)random.Next(256); break;
                case 2 when data.Count > 0: data.RemoveRange(Math.Min(at, data.Count - 1), Math.Min(data.Count - Math.Min(at, data.Count - 1), 1 + random.Next(64))); break;
                case 3: data.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)])); break;
                case 4 when b.Length > 0:
                    var from = random.Next(b.Length);
                    data.InsertRange(at, b.AsSpan(from, Math.Min(b.Length - from, 1 + random.Next(256))).ToArray());
                    break;
                case 5:
                    var token = Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]);
                    var times = 1 + random.Next(random.Next(4) == 0 ? 5_000 : 50);
                    for (var t = 0; t < times; t++) data.InsertRange(at, token);
                    break;
                case 6 when data.Count > 1: data.RemoveRange(at == data.Count ? at - 1 : at, data.Count - (at == data.Count ? at - 1 : at)); break; // truncate
                default:
                    if (data.Count > 2)
                    {
                        var start = random.Next(data.Count - 1);
                        var length = Math.Min(data.Count - start, 1 + random.Next(32));
                        data.InsertRange(at, data.GetRange(start, length));
                    }
                    break;
            }
        }
        return [.. data];
    }
}
