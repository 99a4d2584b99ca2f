using System.Buffers;
using System.Globalization;
using System.Text;

namespace RubricEngine.Reports.Excel;

/// <summary>
/// Forward-only writer of one package part's XML, straight to the zip entry: no element objects, no DOM. Callers
/// write markup as literals and pass every piece of untrusted text through <see cref="Text"/> or
/// <see cref="Attribute"/>, which escape it (text reaching here is already cleaned by <see cref="ExcelText"/>).
/// </summary>
internal sealed class XmlPartWriter : IDisposable
{
    private static readonly SearchValues<char> TextSpecial = SearchValues.Create("&<>");
    private static readonly SearchValues<char> AttributeSpecial = SearchValues.Create("&<>\"\n\r\t");

    private readonly StreamWriter _out;
    private readonly char[] _scratch = new char[64];

    public XmlPartWriter(Stream stream, bool declaration = true)
    {
        _out = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        if (declaration) _out.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    }

    /// <summary>Markup written as is: only literals and numbers, never untrusted text.</summary>
    public XmlPartWriter Raw(string markup)
    {
        _out.Write(markup);
        return this;
    }

    public XmlPartWriter Raw(char c)
    {
        _out.Write(c);
        return this;
    }

    /// <summary>Element content, escaped.</summary>
    public XmlPartWriter Text(string text) => Escaped(text, TextSpecial);

    /// <summary>An attribute value (inside quotes), escaped; line breaks and tabs survive as character references.</summary>
    public XmlPartWriter Attribute(string text) => Escaped(text, AttributeSpecial);

    public XmlPartWriter Int(int value)
    {
        value.TryFormat(_scratch, out var n, default, CultureInfo.InvariantCulture);
        _out.Write(_scratch, 0, n);
        return this;
    }

    /// <summary>A number as Excel stores it: shortest round-trip form; not finite becomes 0.</summary>
    public XmlPartWriter Number(double value)
    {
        if (!double.IsFinite(value)) value = 0;
        value.TryFormat(_scratch, out var n, "R", CultureInfo.InvariantCulture);
        _out.Write(_scratch, 0, n);
        return this;
    }

    private XmlPartWriter Escaped(string text, SearchValues<char> special)
    {
        var rest = text.AsSpan();
        while (true)
        {
            var i = rest.IndexOfAny(special);
            if (i < 0)
            {
                _out.Write(rest);
                return this;
            }
            _out.Write(rest[..i]);
            _out.Write(rest[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                _ => "&#9;",
            });
            rest = rest[(i + 1)..];
        }
    }

    public void Dispose() => _out.Dispose();
}
