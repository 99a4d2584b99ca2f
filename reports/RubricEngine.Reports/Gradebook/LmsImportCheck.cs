using System.Globalization;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// <c>rubric lms-check</c>: reads a grade file the way one LMS's importer does (<see cref="LmsImportRules"/>) and says
/// what the import will do — which column goes to which grade item, which items it creates, points possible, students
/// it does not know (given the LMS's own export), cells it cannot read — before a TA clicks Import.
/// </summary>
public static class LmsImportCheck
{
    private const int MaxListed = 10;

    /// <summary>Checks the file at <paramref name="path"/>; <paramref name="exportPath"/> is the LMS's own gradebook export, when given.</summary>
    /// <exception cref="GradebookUpdateException">A file cannot be read.</exception>
    public static LmsCheckReport Check(string path, LmsSystem system, string? exportPath = null) =>
        Check(LmsTable.Read(path), system, exportPath is null ? null : LmsTable.Read(exportPath));

    public static LmsCheckReport Check(LmsTable file, LmsSystem system, LmsTable? export = null)
    {
        var rules = LmsImportRules.For(system);
        var issues = new List<LmsIssue>();
        void Issue(LmsIssueSeverity s, int? line, string message) => issues.Add(new LmsIssue(s, line, message));

        var header = file.Header;
        var pointsRow = system == LmsSystem.Canvas ? file.Rows.FirstOrDefault(r => GradebookPlan.IsPointsPossible(r.Cells.Take(2))) : null;
        var exportPoints = export is null || system != LmsSystem.Canvas ? null : export.Rows.FirstOrDefault(r => GradebookPlan.IsPointsPossible(r.Cells.Take(2)));
        var students = file.Rows.Where(r => r != pointsRow).ToList();

        // Which columns identify students, in the order the LMS tries them.
        var identity = rules.IdentityHeaders.Select(h => (Header: h, Index: file.Column(h))).Where(x => x.Index >= 0).ToList();
        if (identity.Count == 0)
            Issue(LmsIssueSeverity.Error, 1, $"no column identifies students: {system} needs {string.Join(" or ", rules.IdentityHeaders.Select(h => $"'{h}'"))}.");
        else if (system == LmsSystem.Moodle)
            Issue(LmsIssueSeverity.Note, null, $"on Moodle's import page choose Map from '{header[identity[0].Index]}' → Map to '{(identity[0].Header == "Email address" ? "Email address" : identity[0].Header == "ID number" ? "ID number" : "Username")}', and map each grade column to its grade item.");

        var columns = new List<LmsColumn>();
        for (var i = 0; i < header.Count; i++) columns.Add(Column(rules, header, i, pointsRow, export, exportPoints, issues));
        FileRules(rules, file, students, issues);

        // Rows: who they are, whether the LMS knows them, what each grade cell does.
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int? matched = export is null ? null : 0;
        // The export's students by each identity column it shares with the file.
        var exportKeys = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (h, _) in identity)
            if (export?.Column(h) is { } c and >= 0)
                exportKeys[h] = export.Rows.Select(r => rules.Key(r.Cell(c))).Where(k => k.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var listed = 0;
        foreach (var row in students)
        {
            var key = identity.Select(x => (x.Header, Value: rules.Key(row.Cell(x.Index)))).FirstOrDefault(x => x.Value.Length > 0);
            if (key.Value is null)
            {
                if (identity.Count > 0)
                    Issue(system == LmsSystem.Moodle ? LmsIssueSeverity.Error : LmsIssueSeverity.Warning, row.Line,
                        $"the row has no {string.Join(" or ", identity.Select(x => $"'{x.Header}'"))}: {system} cannot tell whose grades these are.");
                continue;
            }
            if (seen.TryGetValue(key.Value, out var first))
                Issue(system == LmsSystem.Gradescope ? LmsIssueSeverity.Error : LmsIssueSeverity.Warning, row.Line,
                    $"'{key.Value}' ({key.Header}) is also on line {first}: {(system == LmsSystem.Gradescope ? "Gradescope needs one row per email" : "the later row's grades replace the earlier one's")}.");
            else seen[key.Value] = row.Line;
            if (exportKeys.GetValueOrDefault(key.Header) is { } known)
            {
                if (known.Contains(key.Value)) matched++;
                else Issue(rules.UnknownStudent, row.Line, $"'{key.Value}' ({key.Header}) is not a student of the export: {rules.UnknownStudentEffect}.");
            }
            foreach (var c in columns.Where(c => c.Role is LmsColumnRole.Grade or LmsColumnRole.NewItem))
                listed += Cell(rules, row, c, key.Value, issues, listed);
        }
        if (listed > MaxListed) Issue(LmsIssueSeverity.Note, null, $"{listed - MaxListed} more cell finding(s) like the ones above were not listed.");
        foreach (var c in columns.Where(c => c.Role is LmsColumnRole.Grade or LmsColumnRole.NewItem))
        {
            var empty = students.Count(r => rules.ReadCell(r.Cell(c.Index)).Kind == LmsCellKind.Empty);
            if (empty > 0 && rules.ReadCell("").Effect is { } effect)
                Issue(system == LmsSystem.Moodle ? LmsIssueSeverity.Warning : LmsIssueSeverity.Note, null, $"{empty} empty cell(s) in '{c.Header}': {effect}.");
        }
        if (export is not null && matched is { } m && m < export.Rows.Count(r => !GradebookPlan.IsPointsPossible(r.Cells.Take(2))))
            Issue(LmsIssueSeverity.Note, null, $"{export.Rows.Count(r => !GradebookPlan.IsPointsPossible(r.Cells.Take(2))) - m} student(s) of the export are not in the file: their grades are left as they are.");
        return new LmsCheckReport(system, file.Source, rules.Source, file.Encoding, file.Delimiter, students.Count, matched, columns, issues);
    }

    private static LmsColumn Column(LmsImportRules rules, IReadOnlyList<string> header, int i, LmsTableRow? pointsRow, LmsTable? export, LmsTableRow? exportPoints, List<LmsIssue> issues)
    {
        var h = header[i];
        if (rules.IdentityHeaders.Any(x => GradebookPlan.HeaderEquals(h, x))) return new(i, h, LmsColumnRole.Identity, null, null, null, "identifies the student");
        if (h.Length == 0) return new(i, h, LmsColumnRole.Unknown, null, null, null, "no header: ignored");
        var pointsCell = pointsRow?.Cell(i).Trim() ?? "";
        var item = rules.ParseItem(h);
        if (item is { Calculated: true } || pointsCell.Equals("(read only)", StringComparison.OrdinalIgnoreCase))
            return new(i, h, LmsColumnRole.Calculated, item?.Title, item?.Id, null, "computed by the LMS: not imported");
        if (rules.IsDetail(h)) return new(i, h, LmsColumnRole.Detail, null, null, null, "student detail, not imported");

        var points = rules.System == LmsSystem.Canvas ? Number(pointsCell) : item?.Points;
        var inExport = InExport(rules, export, h, item);
        if (inExport >= 0)
        {
            var before = rules.System == LmsSystem.Canvas ? Number(exportPoints?.Cell(inExport) ?? "") : rules.ParseItem(export!.Header[inExport])?.Points;
            if (before is { } b && points is { } p && Math.Abs(b - p) > 0.005)
                issues.Add(new LmsIssue(rules.System == LmsSystem.Canvas ? LmsIssueSeverity.Error : LmsIssueSeverity.Warning, pointsRow?.Line ?? 1,
                    $"'{h}' says {Format(p)} points possible where the course has {Format(b)}: {(rules.System == LmsSystem.Canvas ? "Canvas would change what the assignment is worth" : "the import does not change the item's maximum; scores are read against " + Format(b))}."));
            return new(i, h, LmsColumnRole.Grade, item?.Title ?? h, item?.Id, points ?? before, ExistingMeaning(rules.System, item, h));
        }
        var isNew = export is not null ? rules.WouldBeNewItem(h) : rules.WouldBeNewItem(h) && rules.System is LmsSystem.Canvas or LmsSystem.Blackboard;
        if (rules.System == LmsSystem.Gradescope && item is null)
            return new(i, h, LmsColumnRole.Unknown, null, null, null, "not a Gradescope score column: ignored");
        if (rules.System == LmsSystem.Brightspace && item is null)
        {
            issues.Add(new LmsIssue(LmsIssueSeverity.Warning, 1, $"'{h}' is not a grade column Brightspace recognizes (an item's column ends in 'Points Grade', 'Grade Symbol' or 'Text Grade')."));
            return new(i, h, LmsColumnRole.Unknown, null, null, null, "not recognized: Brightspace does not import it");
        }
        if (isNew)
        {
            var (meaning, severity) = rules.System switch
            {
                LmsSystem.Canvas => ($"NEW graded assignment '{h}' (Canvas creates it on import)", LmsIssueSeverity.Warning),
                LmsSystem.Blackboard => ($"NEW Grade Center column '{item?.Title ?? h}' (no Column ID): created as a text column worth 0 points, left out of totals", LmsIssueSeverity.Warning),
                LmsSystem.Brightspace => ($"NEW grade item '{item?.Title ?? h}': the course has none by this name; Brightspace offers to create it", LmsIssueSeverity.Warning),
                _ => ($"not a grade item of the export: Moodle creates a new grade item only if you map it to 'New grade item'", LmsIssueSeverity.Warning),
            };
            issues.Add(new LmsIssue(severity, 1, $"column '{h}': {meaning}."));
            return new(i, h, LmsColumnRole.NewItem, item?.Title ?? h, item?.Id, points, meaning);
        }
        return new(i, h, LmsColumnRole.Grade, item?.Title ?? h, item?.Id, points, ExistingMeaning(rules.System, item, h));
    }

    /// <summary>
    /// The export's column for the file's column <paramref name="header"/>, or -1: by item id where headers carry one
    /// (Canvas, Blackboard), else the same header, else — Brightspace and Moodle match items by name — the same item
    /// title ('HW7 Points Grade' is the export's 'HW7 Points Grade &lt;Numeric MaxPoints:16&gt;').
    /// </summary>
    private static int InExport(LmsImportRules rules, LmsTable? export, string header, LmsItemHeader? item)
    {
        if (export is null) return -1;
        var headers = export.Header.ToList();
        if (rules.System is LmsSystem.Canvas or LmsSystem.Blackboard)
            return item?.Id is { } id ? headers.FindIndex(x => rules.ParseItem(x)?.Id == id) : export.Column(header);
        var exact = export.Column(header);
        if (exact >= 0 || item is null) return exact;
        return headers.FindIndex(x => !rules.IsDetail(x) && rules.ParseItem(x)?.Title.Equals(item.Title, StringComparison.OrdinalIgnoreCase) == true);
    }

    private static string ExistingMeaning(LmsSystem system, LmsItemHeader? item, string header) => system switch
    {
        LmsSystem.Canvas => $"assignment {item?.Id} '{item?.Title}'",
        LmsSystem.Blackboard => $"Grade Center column {item?.Id} '{item?.Title}'",
        LmsSystem.Brightspace => $"grade item '{item?.Title}' (points)",
        LmsSystem.Moodle => $"grades for the item you map it to ('{item?.Title ?? header}')",
        _ => item?.Title == "Total Score" ? "the assignment's total score" : $"question '{item?.Title}'",
    };

    /// <summary>Rules about the file as a whole.</summary>
    private static void FileRules(LmsImportRules rules, LmsTable file, List<LmsTableRow> students, List<LmsIssue> issues)
    {
        switch (rules.System)
        {
            case LmsSystem.Brightspace:
                var eol = file.Column(BrightspaceImportRules.EndOfLine);
                if (eol < 0 || eol != file.Header.Count - 1)
                    issues.Add(new LmsIssue(LmsIssueSeverity.Error, 1, $"'{BrightspaceImportRules.EndOfLine}' must be the last column{(eol < 0 ? " and is missing" : $"; it is column {eol + 1} of {file.Header.Count}")}."));
                else
                    foreach (var r in students.Where(r => r.Cell(eol).Trim() != "#").Take(MaxListed))
                        issues.Add(new LmsIssue(LmsIssueSeverity.Error, r.Line, $"the End-of-Line Indicator cell holds '{r.Cell(eol)}' instead of '#'."));
                break;
            case LmsSystem.Moodle when file.Column(MoodleImportRules.TimeExported) >= 0:
                issues.Add(new LmsIssue(LmsIssueSeverity.Warning, 1,
                    $"'{MoodleImportRules.TimeExported}' is present: Moodle stops the import if any grade changed in Moodle after that download (or the time is over a year old), unless 'Force import' is ticked."));
                break;
            case LmsSystem.Gradescope when !file.Encoding.StartsWith("UTF-8", StringComparison.Ordinal):
                issues.Add(new LmsIssue(LmsIssueSeverity.Warning, null, $"the file is {file.Encoding}: Gradescope reads UTF-8."));
                break;
        }
    }

    /// <summary>One grade cell: returns 1 when it was a finding that counts toward the listing limit.</summary>
    private static int Cell(LmsImportRules rules, LmsTableRow row, LmsColumn column, string student, List<LmsIssue> issues, int listed)
    {
        var text = row.Cell(column.Index);
        var cell = rules.ReadCell(text);
        LmsIssue? issue = cell.Kind switch
        {
            LmsCellKind.Invalid => new(rules.System is LmsSystem.Moodle or LmsSystem.Brightspace or LmsSystem.Gradescope ? LmsIssueSeverity.Error : LmsIssueSeverity.Warning,
                row.Line, $"'{text.Trim()}' for {student} in '{column.Header}' is {cell.Effect}."),
            LmsCellKind.Mark => new(LmsIssueSeverity.Note, row.Line, $"'{text.Trim()}' for {student} in '{column.Header}' {cell.Effect}."),
            LmsCellKind.Score when rules.MaxCellValue is { } max && cell.Score > max => new(LmsIssueSeverity.Error, row.Line,
                $"{Format(cell.Score!.Value)} for {student} in '{column.Header}' is above {Format(max)}, the largest grade {rules.System} accepts by default: the whole import stops."),
            LmsCellKind.Score when column.Points is { } p && cell.Score > p + 0.005 => new(LmsIssueSeverity.Warning, row.Line,
                $"{Format(cell.Score!.Value)} for {student} in '{column.Header}' is above the {Format(p)} points possible{(rules.System == LmsSystem.Brightspace ? ": Brightspace caps it unless the item can exceed" : "")}."),
            LmsCellKind.Score when cell.Score < 0 => new(LmsIssueSeverity.Warning, row.Line, $"{Format(cell.Score!.Value)} for {student} in '{column.Header}' is negative."),
            _ => null,
        };
        if (issue is null) return 0;
        if (listed < MaxListed || issue.Severity == LmsIssueSeverity.Error) issues.Add(issue);
        return 1;
    }

    private static double? Number(string cell) =>
        double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
