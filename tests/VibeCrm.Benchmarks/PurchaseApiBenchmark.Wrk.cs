using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VibeCrm.Benchmarks;

/// <summary>
/// The POS API phase driven by wrk (a C load generator in its own process) instead of in-process HttpClients: the
/// load generator's own CPU is a small part of the two cores, as a till on another machine would be. Skipped when wrk
/// is not installed (<c>apt-get install wrk</c>).
/// </summary>
public static partial class PurchaseApiBenchmark
{
    private static async Task<Result?> MeasureWithWrkAsync(string address, Setup setup, int connections, TimeSpan duration, int lines)
    {
        var script = Path.Combine(Path.GetTempPath(), $"vibecrm-purchases-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, WrkScript(setup, lines));
        try
        {
            var start = new ProcessStartInfo("wrk", ["-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture),
                "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "10s", "-s", script, address])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process? wrk;
            try
            {
                wrk = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null; // not installed
            }

            if (wrk is null)
            {
                return null;
            }

            using (wrk)
            {
                Progress("API (wrk)");
                var cpu = CpuNow();
                var stdout = wrk.StandardOutput.ReadToEndAsync();
                var stderr = wrk.StandardError.ReadToEndAsync();
                await wrk.WaitForExitAsync();
                var serverCpu = CpuNow() - cpu;
                var summary = WrkSummary().Match(await stdout);
                if (wrk.ExitCode != 0 || !summary.Success)
                {
                    throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {await stdout} {await stderr}");
                }

                double Number(string name) => double.Parse(summary.Groups[name].Value, CultureInfo.InvariantCulture);
                var failures = (int)(Number("failures") + Number("errors"));
                return new Result((int)Number("requests") - failures, Number("seconds"), Number("p50"), Number("p95"), failures, serverCpu);
            }
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>
    /// Every request a new receipt id and Idempotency-Key (per wrk thread and counter), members round-robin, the same body
    /// as the HttpClient phase; any answer but 201 is a failure.
    /// </summary>
    private static string WrkScript(Setup setup, int lines)
    {
        var template = Body(setup, 0, "EXTERNAL", lines)
            .Replace("\"membershipId\":0", "\"membershipId\":%d", StringComparison.Ordinal)
            .Replace("EXTERNAL", "%s", StringComparison.Ordinal);
        var script = new StringBuilder();
        script.AppendLine(CultureInfo.InvariantCulture, $"local memberships = {{{string.Join(",", setup.MembershipIds)}}}");
        script.AppendLine(CultureInfo.InvariantCulture, $"local template = [[{template}]]");
        script.AppendLine(CultureInfo.InvariantCulture, $"local key = \"Bearer {setup.Key}\"");
        script.Append("""
            threads = {}
            function setup(thread)
              table.insert(threads, thread)
              thread:set("tid", #threads)
            end
            function init(args)
              counter = 0
              failures = 0
            end
            function request()
              counter = counter + 1
              local external = "wrk-" .. tid .. "-" .. counter
              local body = string.format(template, memberships[(counter * 2 + tid) % #memberships + 1], external)
              return wrk.format("POST", "/api/v1/purchases",
                { ["Content-Type"] = "application/json", ["Authorization"] = key, ["Idempotency-Key"] = external }, body)
            end
            function response(status, headers, body)
              if status ~= 201 then failures = failures + 1 end
            end
            function done(summary, latency, requests)
              local failed = 0
              for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
              local e = summary.errors
              io.write(string.format("WRK requests=%d seconds=%.3f p50=%.3f p95=%.3f failures=%d errors=%d\n",
                summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
                failed, e.connect + e.read + e.write + e.timeout))
            end
            """);
        return script.ToString();
    }

    [GeneratedRegex(@"WRK requests=(?<requests>\d+) seconds=(?<seconds>[\d.]+) p50=(?<p50>[\d.]+) p95=(?<p95>[\d.]+) failures=(?<failures>\d+) errors=(?<errors>\d+)")]
    private static partial Regex WrkSummary();
}
