using System.Text;
using RubricEngine.Grading;
using RubricEngine.Reports.IO;
using RubricEngine.Reports.Safety;

namespace RubricEngine.Reports.Feedback;

/// <summary>A feedback file written: whose, and where.</summary>
public sealed record FeedbackFile(string StudentId, string TraceFile, string Path);
