namespace RubricEngine.Reports.Gradebook;

/// <summary>A learning management system whose grade import rules the tool follows.</summary>
public enum LmsSystem
{
    /// <summary>Canvas: gradebook CSV import (<c>GradebookImporter</c>).</summary>
    Canvas,

    /// <summary>Moodle: "Import grades from CSV file" (<c>gradeimport_csv</c>).</summary>
    Moodle,

    /// <summary>Blackboard Learn (Original): Grade Center "Upload" (Work Offline).</summary>
    Blackboard,

    /// <summary>D2L Brightspace: Grades "Import".</summary>
    Brightspace,

    /// <summary>Gradescope: a score sheet keyed by student email.</summary>
    Gradescope,
}
