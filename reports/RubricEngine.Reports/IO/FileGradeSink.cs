using RubricEngine.Grading;

namespace RubricEngine.Reports.IO;

/// <summary>
/// Runs a stream-writing sink (CSV, SARIF) into an <see cref="AtomicFile"/>: the target appears, complete, only
/// when <see cref="Complete"/> succeeds, under the target's lock.
/// </summary>
public sealed class FileGradeSink<TSink> : IGradeSink, IReplacesFile where TSink : IGradeSink
{
    private readonly AtomicFile _file;
    private readonly ReplaceOptions? _replace;
    private bool _innerDisposed;

    public FileGradeSink(string path, Func<Stream, TSink> create, OutputPolicy? policy = null, ReplaceOptions? replace = null)
    {
        _file = AtomicFile.Create(path, policy);
        _replace = replace;
        try
        {
            Inner = create(_file.Stream);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>The sink writing the content (for what it reports, such as unmatched roster students).</summary>
    public TSink Inner { get; }

    /// <summary>The target file's full path.</summary>
    public string Path => _file.Path;

    /// <summary>What replacing the target did; null until <see cref="Complete"/>.</summary>
    public ReplaceResult? Result { get; private set; }

    public void Begin(ReportContext context) => Inner.Begin(context);

    public void Add(TraceGrade grade) => Inner.Add(grade);

    public void Complete(RunInfo run)
    {
        Inner.Complete(run);
        DisposeInner(); // writers flush on dispose: they must be done before the file is closed and renamed
        Result = _file.Commit(_replace);
    }

    public void Dispose()
    {
        DisposeInner();
        _file.Dispose();
    }

    private void DisposeInner()
    {
        if (_innerDisposed) return;
        _innerDisposed = true;
        Inner.Dispose();
    }
}
