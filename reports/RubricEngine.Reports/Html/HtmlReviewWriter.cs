using System.Collections.Concurrent;
using System.Text;
using RubricEngine.Grading;
using RubricEngine.Reports.Safety;
using RubricEngine.Rubrics;

namespace RubricEngine.Reports.Html;

/// <summary>
/// <c>--html &lt;dir&gt;</c>: a static review site that opens from disk (<c>index.html</c>, one page per trace under
/// <c>students/</c>, bundled assets under <c>assets/</c>). Grades arrive in run order on one thread; each file's
/// pages are rendered by worker threads. A grade that comes with the analysis it was graded from
/// (<see cref="Add(TraceGrade, TraceAnalysis)"/>: the batch grader keeps them, in a bounded window) is rendered from
/// it; otherwise the worker reads the trace file again through the run's own reader and parses and segments it
/// (<see cref="Grader.Analyze"/>, no rule runs): grades hold no message text, and reports never change grading.
/// The queue to the workers is bounded, so a slow disk holds the grader back instead of piling up analyses. Page
/// names come from <see cref="SafeOutputFolder"/> in run order, so the site is the same for any thread count. The site is written to a temporary folder and swapped in by <see cref="Complete"/>
/// (<see cref="SiteFolder"/>); a failed run leaves the previous site, or nothing.
/// </summary>
public sealed class HtmlReviewWriter : IConversationSink
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly string _target;
    private readonly HtmlReviewOptions _options;
    private readonly List<IndexRow> _rows = [];
    private readonly List<Job> _batch = [];
    private BlockingCollection<List<Job>>? _queue;
    private Task[] _workers = [];
    private SiteFolder? _site;
    private SafeOutputFolder? _students;
    private ReportContext? _context;
    private Func<Traces.Trace, TraceAnalysis>? _analyze;
    private Exception? _failure;
    private long _readTicks, _analyzeTicks, _renderTicks, _writeTicks;

    public HtmlReviewWriter(string folder, HtmlReviewOptions? options = null)
    {
        _target = folder;
        _options = options ?? new HtmlReviewOptions();
    }

    /// <summary>The site's folder (full path).</summary>
    public string Folder => Path.GetFullPath(_target);

    /// <summary>One page to write: the grade, where, the index row it completes, and the graded analysis if kept.</summary>
    private sealed record Job(TraceGrade Grade, string Path, IndexRow Row, TraceAnalysis? Analysis);

    public void Begin(ReportContext context)
    {
        _context = context;
        _site = new SiteFolder(_target);
        ReviewAssets.WriteTo(Path.Combine(_site.Temporary, "assets"));
        var students = Path.Combine(_site.Temporary, "students");
        Directory.CreateDirectory(students);
        _students = new SafeOutputFolder(students);
        _analyze = _options.Analyze ?? new Grader(context.Rubric).Analyze;
        _queue = new BlockingCollection<List<Job>>(boundedCapacity: 64);
        _workers = Enumerable.Range(0, Math.Max(1, _options.Parallelism))
            .Select(_ => Task.Factory.StartNew(Work, TaskCreationOptions.LongRunning)).ToArray();
    }

    public void Add(TraceGrade grade) => Add(grade, null);

    /// <summary>
    /// Adds a grade with the analysis it was graded from (the trace parsed and segmented), so its page is rendered
    /// without reading the trace again. Called from one thread, in the run's order.
    /// </summary>
    public void Add(TraceGrade grade, TraceAnalysis? analysis)
    {
        if (_students is null || _queue is null) throw new InvalidOperationException("Begin must be called before Add.");
        var path = _students.PathFor(grade.Student.Id, ".html");
        var row = new IndexRow
        {
            Student = IndexPage.Clean(grade.Student.Id),
            Name = grade.Student.Name is null ? null : IndexPage.Clean(grade.Student.Name),
            Trace = IndexPage.Clean(grade.TraceId),
            Href = "students/" + Path.GetFileName(path),
            // In the index's column order (the context's rules), matched by id; a missing or failed criterion is null.
            Points = _context!.Rules.Select(r => grade.Criteria.FirstOrDefault(c => c.Rule.Id == r.Id) is { } c && !(c.IsError && c.Override is null) ? c.Points : (double?)null).ToArray(),
            Total = grade.Total,
        };
        _rows.Add(row);
        // A file's traces arrive together: hand them to one worker so the file is read once.
        if (_batch.Count > 0 && _batch[0].Grade.File != grade.File) Dispatch();
        _batch.Add(new Job(grade, path, row, analysis));
    }

    public void Complete(RunInfo run)
    {
        if (_site is null || _context is null || _queue is null) throw new InvalidOperationException("Begin must be called before Complete.");
        Dispatch();
        _queue.CompleteAdding();
        Task.WaitAll(_workers);
        if (_failure is not null) throw new IOException($"{_target}: the review site could not be written: {_failure.Message}", _failure);
        // A run that graded nothing never replaces a site that shows grades (the temporary folder goes at Dispose).
        if (_rows.Count == 0 && Directory.Exists(_site.Target)) return;
        var index = IndexPage.Render(_context, _rows, run, confidenceKnown: _options.LowConfidence is not null && _options.ReadFile is not null);
        File.WriteAllText(Path.Combine(_site.Temporary, "index.html"), index, Utf8);
        _site.Commit();
        if (Environment.GetEnvironmentVariable("RUBRIC_HTML_PROFILE") == "1")
            Console.Error.WriteLine($"html pages, thread seconds: read {Seconds(_readTicks):0.00}, parse+segment {Seconds(_analyzeTicks):0.00}, render {Seconds(_renderTicks):0.00}, write {Seconds(_writeTicks):0.00}");
    }

    private static double Seconds(long ticks) => ticks / (double)System.Diagnostics.Stopwatch.Frequency;

    public void Dispose()
    {
        if (_queue is not null && !_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            try { Task.WaitAll(_workers); } catch (AggregateException) { }
        }
        _queue?.Dispose();
        _site?.Dispose();
    }

    private void Dispatch()
    {
        if (_batch.Count == 0) return;
        if (_failure is not null) throw new IOException($"{_target}: the review site could not be written: {_failure.Message}", _failure);
        _queue!.Add([.. _batch]);
        _batch.Clear();
    }

    private void Work()
    {
        // Each worker keeps its page renderer, its page builder and its byte buffer for all its pages.
        var writer = new PageWriter(new StudentPage(_context!, _options));
        foreach (var jobs in _queue!.GetConsumingEnumerable())
        {
            if (_failure is not null) continue;
            try
            {
                WriteFile(jobs, writer);
            }
            catch (Exception e)
            {
                // Stop writing pages but keep draining the queue, so Add never blocks; Complete reports it.
                Interlocked.CompareExchange(ref _failure, e, null);
            }
        }
    }

    private void WriteFile(List<Job> jobs, PageWriter writer)
    {
        var file = jobs[0].Grade.File;
        Dictionary<string, Traces.Trace>? traces = null;
        string? unavailable = null;
        if (_options.ReadFile is { } read && jobs.Any(j => j.Analysis is null))
        {
            var clock = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var result = read(file);
                Interlocked.Add(ref _readTicks, System.Diagnostics.Stopwatch.GetTimestamp() - clock);
                traces = new Dictionary<string, Traces.Trace>(StringComparer.Ordinal);
                foreach (var t in result.Traces) traces.TryAdd(t.Id, t);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                unavailable = $"{file} could not be read again ({e.Message})";
            }
        }
        foreach (var job in jobs)
        {
            var analysis = job.Analysis;
            var why = unavailable ?? "this run did not keep the conversations";
            if (analysis is null && traces is not null)
            {
                if (!traces.TryGetValue(job.Grade.TraceId, out var trace))
                {
                    why = $"trace '{job.Grade.TraceId}' is no longer in {file} (was the file changed during the run?)";
                }
                else
                {
                    try
                    {
                        var clock = System.Diagnostics.Stopwatch.GetTimestamp();
                        analysis = _analyze!(trace);
                        Interlocked.Add(ref _analyzeTicks, System.Diagnostics.Stopwatch.GetTimestamp() - clock);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        why = $"the trace could not be segmented again ({e.Message})";
                    }
                }
            }
            if (analysis is not null && _options.LowConfidence is { } low)
                job.Row.LowConfidence = analysis.Segmentation.Answers.Any(s => low(s) is not null);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                writer.Render(job.Grade, analysis, analysis is null ? why : null);
            }
            catch (Exception e) when (e is not OutOfMemoryException && analysis is not null)
            {
                // The grades and findings still deserve a page when the conversation trips the renderer.
                writer.Render(job.Grade, null, $"the conversation could not be rendered ({e.GetType().Name}: {e.Message})");
            }
            var rendered = System.Diagnostics.Stopwatch.GetTimestamp();
            writer.WriteTo(job.Path);
            Interlocked.Add(ref _renderTicks, rendered - started);
            Interlocked.Add(ref _writeTicks, System.Diagnostics.Stopwatch.GetTimestamp() - rendered);
        }
    }
}
