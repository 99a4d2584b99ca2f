using RubricEngine.Grading;

namespace RubricEngine.Reports.Safety;

/// <summary>
/// Runs a stream-writing sink (CSV, SARIF) into a <see cref="PendingFile"/>: the target appears, complete, only
/// when <see cref="Complete"/> succeeds.
/// </summary>
public sealed class FileGradeSink<TSink> : IGradeSink where TSink : IGradeSink
{
    private readonly PendingFile _file;
    private bool _innerDisposed;

    public FileGradeSink(string path, Func<Stream, TSink> create)
    {
        _file = PendingFile.Create(path);
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

    public void Begin(ReportContext context) => Inner.Begin(context);

    public void Add(TraceGrade grade) => Inner.Add(grade);

    public void Complete(RunInfo run)
    {
        Inner.Complete(run);
        DisposeInner(); // writers flush on dispose: they must be done before the file is closed and renamed
        _file.Commit();
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
