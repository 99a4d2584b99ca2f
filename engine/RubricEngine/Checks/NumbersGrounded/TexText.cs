using System.Text;

namespace RubricEngine.Checks;

/// <summary>Turns a TeX formula into text the number scanner reads: "2.8 \times 10^{9}\,\text{FLOPs}" → "2.8 × 10^{9} FLOPs".</summary>
internal static class TexText
{
    private const int MaxLength = 4096;

    public static string Normalize(string tex)
    {
        if (tex.Length > MaxLength) tex = tex[..MaxLength];
        var sb = new StringBuilder(tex.Length);
        var keepBrace = new Stack<bool>();
        var i = 0;
        while (i < tex.Length)
        {
            var c = tex[i];
            if (c == '\\')
            {
                var j = i + 1;
                while (j < tex.Length && char.IsAsciiLetter(tex[j])) j++;
                if (j == i + 1)
                {
                    // \% \, \; \! \: \{ and "\ "
                    var next = i + 1 < tex.Length ? tex[i + 1] : ' ';
                    sb.Append(next switch { '%' => '%', '{' or '}' or '$' or '#' or '&' or '_' => next, _ => ' ' });
                    i += 2;
                    continue;
                }
                var name = tex.AsSpan(i + 1, j - i - 1);
                sb.Append(name switch
                {
                    "times" => " × ",
                    "cdot" => " · ",
                    "approx" or "simeq" => " ≈",
                    "sim" => " ~",
                    "percent" => "%",
                    "text" or "mathrm" or "textrm" or "mathit" or "textit" or "textbf" or "mathbf" or "operatorname" or "mbox" or "mathtt" or "texttt" => "",
                    _ => " ",
                });
                i = j;
                continue;
            }
            switch (c)
            {
                case '{':
                    var keep = sb.Length > 0 && sb[^1] is '^' or '_';
                    keepBrace.Push(keep);
                    if (keep) sb.Append('{');
                    break;
                case '}':
                    if (keepBrace.Count > 0 && keepBrace.Pop()) sb.Append('}');
                    break;
                case '~':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
            i++;
        }
        return sb.ToString();
    }
}
