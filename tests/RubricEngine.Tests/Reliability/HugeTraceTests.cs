using System.Text;

namespace RubricEngine.Tests.Reliability;

/// <summary>The one 100 MB case: a trace with a 100 MB message is refused quickly with both sizes and the option to raise the limit; the rest grade.</summary>
[TestFixture]
[CancelAfter(60_000)]
public sealed class HugeTraceTests
{
    [Test]
    public async Task A_100_MB_message_is_refused_with_its_size_and_the_rest_of_the_batch_grades()
    {
        using var temp = new TempFolder("rubric-huge");
        var head = Encoding.UTF8.GetBytes(HostileCorpus.Trace("huge", "huge-student", "PLACEHOLDER"));
        var at = head.AsSpan().IndexOf("PLACEHOLDER"u8);
        var path = temp["traces/huge.json"];
        Directory.CreateDirectory(temp["traces"]);
        using (var file = File.Create(path))
        {
            file.Write(head.AsSpan(0, at));
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("341 seconds $x^2$ ", 1 << 12)));
            for (long written = 0; written < 100L * 1024 * 1024; written += chunk.Length) file.Write(chunk);
            file.Write(head.AsSpan(at + "PLACEHOLDER".Length));
        }
        temp.Write("traces/good.json", HostileCorpus.Trace("good", "good-student", "The answer is B."));

        var started = DateTime.UtcNow;
        var run = await CliRun.RunAsync("grade", Hw7Example.RubricPath, temp["traces"], "--csv", temp["out.csv"], "-o", temp["out.xlsx"], "--no-progress");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out, Does.Match(@"huge\.json: error: the file is 100\.\d MB \([\d,]+ bytes\), over the limit of 32\.0 MB").And.Contain("--max-file-size"));
        Assert.That(File.ReadAllLines(temp["out.csv"]).Skip(1).Single(), Does.StartWith("good-student,"));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(30)), "refused by its size, not parsed");
    }
}
