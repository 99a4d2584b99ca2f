using RubricEngine.Hosting;
using RubricEngine.Reports;
using RubricEngine.Reports.IO;
using RubricEngine.Traces;

namespace RubricEngine.Cli.Outputs;

/// <summary>What every output may need from the run: the rubric context, the file policy, the traces and the session.</summary>
/// <param name="Context">The rubric, engine version and start time the reports are headed with.</param>
/// <param name="Policy">How outputs are replaced (lock wait, backups); from the environment.</param>
/// <param name="Source">The run's traces (SARIF finds a finding's text in its file).</param>
/// <param name="Session">The grading session (the review site shows its attribution and fixes).</param>
/// <param name="TraceRoot">The folder SARIF URIs are relative to.</param>
internal sealed record ReportEnvironment(ReportContext Context, OutputPolicy Policy, FileTraceSource Source, GradingSession Session, string TraceRoot);
