using System.Text;
using RubricEngine.Grading;
using RubricEngine.Reports.IO;
using RubricEngine.Reports.Safety;

namespace RubricEngine.Reports.Feedback;

/// <summary>
/// <c>--feedback &lt;dir&gt;</c>: one Markdown file per trace, named by <see cref="SafeFileName"/> from the student id
/// (<c>ana.md</c>; a second trace of the same student or a colliding id gets <c>ana-2.md</c>, in run order), each
/// written atomically as its grade arrives. The folder is locked for the whole run (<see cref="OutputLock"/> on the
/// folder), so two runs never mix their files in it.
/// </summary>
public sealed class FeedbackWriter : IGradeSink
{
    private readonly SafeOutputFolder _folder;
    private readonly List<FeedbackFile> _written = [];
    private readonly OutputPolicy _policy;
    private OutputLock? _lock;
    private ReportContext? _context;

    public FeedbackWriter(string folder, OutputPolicy? policy = null)
    {
        _folder = new SafeOutputFolder(folder);
        _policy = policy ?? OutputPolicy.Default;
    }

    /// <summary>The files written so far, in run order.</summary>
    public IReadOnlyList<FeedbackFile> Written => _written;

    public void Begin(ReportContext context)
    {
        _context = context;
        Directory.CreateDirectory(_folder.Root);
        _lock = OutputLock.Acquire(_folder.Root, _policy);
        AtomicFile.RemoveLeftovers(_folder.Root);
    }

    public void Add(TraceGrade grade)
    {
        var context = _context ?? throw new InvalidOperationException("Begin must be called before Add.");
        var path = _folder.PathFor(grade.Student.Id, ".md");
        using (var file = AtomicFile.Create(path, _policy, removeLeftovers: false))
        {
            file.Stream.Write(new UTF8Encoding(false).GetBytes(FeedbackDocument.Render(context, grade)));
            file.Commit(new ReplaceOptions { LockHeld = true });
        }
        _written.Add(new FeedbackFile(grade.Student.Id, grade.File, path));
    }

    public void Complete(RunInfo run)
    {
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
