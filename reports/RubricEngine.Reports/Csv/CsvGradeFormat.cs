namespace RubricEngine.Reports.Csv;

/// <summary>Which LMS the grade CSV is for (<c>--csv-format canvas|gradescope|moodle|blackboard|brightspace|plain</c>).</summary>
public enum CsvGradeFormat
{
    /// <summary>A Canvas gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, "Assignment (id)".</summary>
    Canvas,

    /// <summary>A Gradescope score upload: First Name, Last Name, SID, Email, Total Score, one column per question.</summary>
    Gradescope,

    /// <summary>A Moodle "Import grades from CSV file" file: First name, Last name, ID number, Email address, the grade item.</summary>
    Moodle,

    /// <summary>A Blackboard Grade Center upload: Last Name, First Name, Username, Student ID, "Title [Total Pts: N Score] |id", every field quoted.</summary>
    Blackboard,

    /// <summary>A Brightspace grades import: OrgDefinedId (and Username from an export), "Item Points Grade", End-of-Line Indicator.</summary>
    Brightspace,

    /// <summary>Everything, one row per trace: id, name, email, file, each criterion's points/comment/override, totals.</summary>
    Plain,
}
