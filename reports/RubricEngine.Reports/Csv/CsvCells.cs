using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using RubricEngine.Reports.Safety;

namespace RubricEngine.Reports.Csv;

/// <summary>How grade CSVs are written: RFC 4180 (CRLF, quotes only where needed), invariant numbers, escaped text.</summary>
internal static class CsvCells
{
    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        // RFC 4180: quote a field holding a quote, comma, CR or LF; also keep edge spaces (Excel trims them otherwise).
        ShouldQuote = args => args.Field is { Length: > 0 } f
            && (f.AsSpan().IndexOfAny("\",\r\n") >= 0 || f[0] == ' ' || f[^1] == ' '),
        InjectionOptions = InjectionOptions.None, // done by SpreadsheetText, on text only, never on numbers
    };

    /// <summary>Every field in quotes, as Blackboard requires of comma-separated uploads.</summary>
    public static CsvConfiguration QuoteAllConfiguration { get; } = new(CultureInfo.InvariantCulture)
    {
        ShouldQuote = _ => true,
        InjectionOptions = InjectionOptions.None,
    };

    public static CsvWriter Open(Stream stream, bool byteOrderMark, bool quoteAll = false)
    {
        var writer = new StreamWriter(stream, new UTF8Encoding(byteOrderMark), 1 << 16, leaveOpen: true);
        return new CsvWriter(writer, quoteAll ? QuoteAllConfiguration : Configuration, leaveOpen: false);
    }

    /// <summary>A text value from a trace or roster, neutralized against formula injection.</summary>
    public static void Text(this CsvWriter csv, string? text) => csv.WriteField(SpreadsheetText.EscapeForCsv(text));

    /// <summary>A number, invariant culture, at most four decimals ("1.5", never "1,5"); empty for NaN.</summary>
    public static void Number(this CsvWriter csv, double? value) => csv.WriteField(Format(value));

    /// <summary>A header or other text the rubric author wrote (escaped too: titles are cheap to distrust).</summary>
    public static void Header(this CsvWriter csv, string text) => csv.WriteField(SpreadsheetText.EscapeForCsv(text));

    public static string Format(double? value)
    {
        if (value is not { } v || !double.IsFinite(v)) return "";
        var rounded = Math.Round(v, 4, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.####", CultureInfo.InvariantCulture);
    }
}
