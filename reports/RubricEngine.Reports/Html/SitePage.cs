using System.Text;

namespace RubricEngine.Reports.Html;

/// <summary>What every page of the review site starts with, including its Content-Security-Policy.</summary>
public static class SitePage
{
    /// <summary>
    /// Our own bundled files only: no inline script or style, no remote anything, no forms, no frames. Images only
    /// from the site or data: URLs (the site itself uses none; student images are never rendered).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>Appends the doctype and head; <paramref name="assets"/> is the relative path to the assets folder.</summary>
    public static void Head(StringBuilder html, string title, string assets, bool katex)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(HtmlText.Escape(title)).Append("</title>\n");
        if (katex) html.Append("<link rel=\"stylesheet\" href=\"").Append(assets).Append("katex/katex.min.css\">\n");
        html.Append("<link rel=\"stylesheet\" href=\"").Append(assets).Append("review.css\">\n</head>\n");
    }
}
