using System.Text;
using RubricEngine.Grading;
using RubricEngine.Rubrics;

namespace RubricEngine.Reports.Html;

/// <summary>
/// One site worker's pages: rendered into one reused builder and written as UTF-8 from one reused byte buffer with
/// a single write per file, so a page costs no builder growth, no page-sized string and no encoder stream. One
/// instance per thread.
/// </summary>
internal sealed class PageWriter(StudentPage page)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StringBuilder _html = new(64 * 1024);
    private readonly Encoder _encoder = Utf8.GetEncoder();
    private byte[] _bytes = new byte[64 * 1024];

    /// <summary>Renders one page, replacing the previous one (see <see cref="StudentPage.RenderTo"/>).</summary>
    public void Render(TraceGrade grade, TraceAnalysis? analysis, string? unavailable)
    {
        _html.Clear();
        page.RenderTo(_html, grade, analysis, unavailable);
    }

    /// <summary>Writes the page last rendered to <paramref name="path"/>, a new file (page names are unique).</summary>
    public void WriteTo(string path)
    {
        var most = Utf8.GetMaxByteCount(_html.Length);
        if (_bytes.Length < most) _bytes = new byte[Math.Max(most, _bytes.Length * 2)];
        _encoder.Reset();
        var length = 0;
        foreach (var chunk in _html.GetChunks()) length += _encoder.GetBytes(chunk.Span, _bytes.AsSpan(length), flush: false);
        length += _encoder.GetBytes([], _bytes.AsSpan(length), flush: true);
        // CreateNew, not Create: for Create .NET truncates the file after opening it (ftruncate, even when it is new),
        // and ext4 then writes a truncated file's data back when it is closed (auto_da_alloc): a synchronous
        // writeback per page, 3 % of the whole run's CPU samples for 10k pages.
        using (var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write))
            RandomAccess.Write(file, _bytes.AsSpan(0, length), fileOffset: 0);
        // A huge page (a hostile trace) does not keep its buffers for the rest of the run.
        if (_bytes.Length > MaxKept)
        {
            _bytes = new byte[64 * 1024];
            _html.Capacity = 64 * 1024;
        }
    }

    private const int MaxKept = 8 * 1024 * 1024;
}
