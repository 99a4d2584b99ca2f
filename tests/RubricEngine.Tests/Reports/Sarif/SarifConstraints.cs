using System.Text.Json;

namespace RubricEngine.Tests.Reports.Sarif;

/// <summary>
/// The essential constraints of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json), written out by hand so tests run
/// offline: required properties, enums, and integer minimums of what the writer emits. Returns every violation.
/// </summary>
internal static class SarifConstraints
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];
    private static readonly string[] SuppressionKinds = ["inSource", "external"];

    public static List<string> Check(JsonElement log)
    {
        var errors = new List<string>();
        void Require(bool ok, string what) { if (!ok) errors.Add(what); }
        bool Has(JsonElement e, string name, JsonValueKind kind) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == kind;
        void Message(JsonElement e, string path) =>
            Require(Has(e, "message", JsonValueKind.Object) && Has(e.GetProperty("message"), "text", JsonValueKind.String), $"{path}.message.text is required");
        void Level(JsonElement e, string path)
        {
            if (e.TryGetProperty("level", out var l)) Require(l.ValueKind == JsonValueKind.String && Levels.Contains(l.GetString()), $"{path}.level must be one of {string.Join("|", Levels)}");
        }
        void MinInt(JsonElement e, string name, int min, string path)
        {
            if (!e.TryGetProperty(name, out var v)) return;
            Require(v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= min, $"{path}.{name} must be an integer ≥ {min}");
        }
        void Locations(JsonElement owner, string path)
        {
            if (!owner.TryGetProperty("locations", out var locations)) return;
            var i = 0;
            foreach (var location in locations.EnumerateArray())
            {
                var lp = $"{path}.locations[{i++}]";
                if (!location.TryGetProperty("physicalLocation", out var physical)) continue;
                Require(Has(physical, "artifactLocation", JsonValueKind.Object), $"{lp}.physicalLocation.artifactLocation is required here");
                if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri))
                    Require(uri.ValueKind == JsonValueKind.String && Uri.IsWellFormedUriString(uri.GetString(), UriKind.RelativeOrAbsolute), $"{lp} uri must be a URI reference");
                if (physical.TryGetProperty("region", out var region))
                {
                    foreach (var name in new[] { "startLine", "startColumn", "endLine", "endColumn" }) MinInt(region, name, 1, $"{lp}.region");
                    if (region.TryGetProperty("endLine", out var end)) Require(end.GetInt32() >= region.GetProperty("startLine").GetInt32(), $"{lp}.region ends before it starts");
                }
                if (location.TryGetProperty("logicalLocations", out var logical))
                    foreach (var l in logical.EnumerateArray()) Require(Has(l, "name", JsonValueKind.String), $"{lp}.logicalLocations[].name expected");
            }
        }

        Require(Has(log, "version", JsonValueKind.String) && log.GetProperty("version").GetString() == "2.1.0", "version must be \"2.1.0\"");
        Require(Has(log, "$schema", JsonValueKind.String), "$schema expected");
        Require(Has(log, "runs", JsonValueKind.Array), "runs is required");
        if (errors.Count > 0) return errors;
        var r = 0;
        foreach (var run in log.GetProperty("runs").EnumerateArray())
        {
            var rp = $"runs[{r++}]";
            Require(Has(run, "tool", JsonValueKind.Object) && Has(run.GetProperty("tool"), "driver", JsonValueKind.Object), $"{rp}.tool.driver is required");
            var driver = run.GetProperty("tool").GetProperty("driver");
            Require(Has(driver, "name", JsonValueKind.String), $"{rp}.tool.driver.name is required");
            var ruleCount = 0;
            if (driver.TryGetProperty("rules", out var rules))
                foreach (var rule in rules.EnumerateArray())
                {
                    var p = $"{rp}.tool.driver.rules[{ruleCount++}]";
                    Require(Has(rule, "id", JsonValueKind.String), $"{p}.id is required");
                    if (rule.TryGetProperty("shortDescription", out var sd)) Require(Has(sd, "text", JsonValueKind.String), $"{p}.shortDescription.text is required");
                    if (rule.TryGetProperty("fullDescription", out var fd)) Require(Has(fd, "text", JsonValueKind.String), $"{p}.fullDescription.text is required");
                    if (rule.TryGetProperty("defaultConfiguration", out var dc)) Level(dc, $"{p}.defaultConfiguration");
                    if (rule.TryGetProperty("helpUri", out var help)) Require(Uri.IsWellFormedUriString(help.GetString(), UriKind.Absolute), $"{p}.helpUri must be absolute");
                }
            if (run.TryGetProperty("columnKind", out var ck)) Require(ck.GetString() is "utf16CodeUnits" or "unicodeCodePoints", $"{rp}.columnKind enum");
            var i = 0;
            if (run.TryGetProperty("results", out var results))
                foreach (var result in results.EnumerateArray())
                {
                    var p = $"{rp}.results[{i++}]";
                    Message(result, p);
                    Level(result, p);
                    MinInt(result, "ruleIndex", 0, p);
                    if (result.TryGetProperty("ruleIndex", out var ri)) Require(ri.GetInt32() < ruleCount, $"{p}.ruleIndex out of range");
                    Locations(result, p);
                    if (result.TryGetProperty("suppressions", out var sups))
                        foreach (var s in sups.EnumerateArray())
                            Require(Has(s, "kind", JsonValueKind.String) && SuppressionKinds.Contains(s.GetProperty("kind").GetString()), $"{p}.suppressions[].kind is required (inSource|external)");
                    if (result.TryGetProperty("partialFingerprints", out var fp))
                        foreach (var f in fp.EnumerateObject()) Require(f.Value.ValueKind == JsonValueKind.String, $"{p}.partialFingerprints values are strings");
                }
            if (run.TryGetProperty("invocations", out var invocations))
                foreach (var inv in invocations.EnumerateArray())
                {
                    Require(Has(inv, "executionSuccessful", JsonValueKind.True) || Has(inv, "executionSuccessful", JsonValueKind.False), $"{rp}.invocations[].executionSuccessful is required");
                    foreach (var t in new[] { "startTimeUtc", "endTimeUtc" })
                        if (inv.TryGetProperty(t, out var time)) Require(DateTimeOffset.TryParse(time.GetString(), out _) && time.GetString()!.EndsWith('Z'), $"{rp}.invocations[].{t} must be UTC date-time");
                    if (inv.TryGetProperty("toolExecutionNotifications", out var notes))
                        foreach (var n in notes.EnumerateArray())
                        {
                            Message(n, $"{rp}.invocations[].toolExecutionNotifications[]");
                            Level(n, $"{rp}.invocations[].toolExecutionNotifications[]");
                            Locations(n, $"{rp}.invocations[].toolExecutionNotifications[]");
                        }
                }
        }
        return errors;
    }
}
