using RubricEngine.Cli.Commands;
using RubricEngine.Reports;
using RubricEngine.Reports.Html;
using RubricEngine.Segmentation;

namespace RubricEngine.Cli.Outputs;

/// <summary><c>--html dir</c>: the review site, every grade beside the text it judges.</summary>
internal sealed class ReviewSiteOutput : IReportOutput
{
    public string OptionKey => "html";
    public string? Label => "review site";
    public bool WritesFile => false;
    public bool ShowsConversation => true;
    public string? Target(GradeSettings settings) => settings.Html;

    public IGradeSink Open(GradeSettings settings, ReportEnvironment environment) =>
        new HtmlReviewWriter(settings.Html!, new HtmlReviewOptions
        {
            ReadFile = environment.Source.Read,
            Parallelism = environment.Session.Parallelism,
            // The pages show the attribution that was graded: the same fixes, and low-confidence segments flagged.
            Analyze = environment.Session.Grader.Analyze,
            LowConfidence = s => s.Confidence == AttributionConfidence.Low ? s.Reason : null,
        });
}
