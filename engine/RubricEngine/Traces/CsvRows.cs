using System.Text;

namespace RubricEngine.Traces;

/// <summary>A small RFC 4180 reader: quoted fields with doubled quotes and line breaks, CRLF or LF.</summary>
internal static class CsvRows
{
    public static List<(int Line, List<string> Fields)> Parse(string text, string source)
    {
        var rows = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var atFieldStart = true;
        var any = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                var quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException($"{source}({quoteLine}): a quoted field is not closed");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (text[i] == '\n') line++;
                    field.Append(text[i++]);
                }
                atFieldStart = false;
                any = true;
                continue;
            }
            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    any = true;
                    i++;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    i++;
                    if (any || field.Length > 0) { fields.Add(field.ToString()); rows.Add((rowLine, fields)); }
                    fields = [];
                    field.Clear();
                    atFieldStart = true;
                    any = false;
                    line++;
                    rowLine = line;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    any = true;
                    i++;
                    break;
            }
        }
        if (any || field.Length > 0) { fields.Add(field.ToString()); rows.Add((rowLine, fields)); }
        return rows;
    }
}
