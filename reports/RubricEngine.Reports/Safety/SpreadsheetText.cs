namespace RubricEngine.Reports.Safety;

/// <summary>Neutralizes text that a spreadsheet would run as a formula (CSV injection, OWASP).</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// Prefixes a single quote to <paramref name="text"/> when it begins with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, a tab or a carriage return (and their full-width forms, which some spreadsheets also accept), so
    /// Excel, LibreOffice and Google Sheets show it as text. Apply it to every text value that came from a trace or
    /// a roster; numbers written as numbers are not escaped. Quoting for RFC 4180 is the CSV writer's job.
    /// </summary>
    public static string EscapeForCsv(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return StartsFormula(text[0]) ? "'" + text : text;
    }

    private static bool StartsFormula(char c) =>
        c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
}
