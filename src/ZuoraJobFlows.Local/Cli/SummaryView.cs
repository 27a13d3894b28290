using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Prints a run's summary.json as tables: the run, then one row per Zuora job.</summary>
internal static class SummaryView
{
    public static string? Render(IAnsiConsole console, string summaryPath)
    {
        using var stream = File.OpenRead(summaryPath);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var status = Text(root, "status");

        var run = new Table().Border(TableBorder.Rounded).Title("[bold]Run summary[/]").HideHeaders()
            .AddColumn("field").AddColumn("value");
        AddRow(run, "Run", Text(root, "runId"));
        run.AddRow(new Markup("Status"), new Markup($"[{Colour(status)}]{Markup.Escape(status ?? "?")}[/]"));
        AddRow(run, "Reason", Text(root, "reason"));
        AddRow(run, "Object", $"{Text(root, "object")} ({Text(root, "operation")})");
        if (root.TryGetProperty("input", out var input))
        {
            AddRow(run, "Input", $"{Text(input, "container")}/{Text(input, "blobName")}");
            AddRow(run, "Records in file", Text(input, "records"));
        }

        AddRow(run, "Records processed", Text(root, "recordsProcessed"));
        AddRow(run, "Records failed", Text(root, "failedRecords"));
        if (root.TryGetProperty("unsentRecords", out var unsent) && unsent.ValueKind == JsonValueKind.Number
            && unsent.GetInt64() > 0)
        {
            var count = unsent.GetInt64().ToString(CultureInfo.InvariantCulture);
            AddRow(run, "Records not processed (in retry.csv)", count);
        }

        AddRow(run, "Duration", Duration(root));
        console.Write(run);

        if (root.TryGetProperty("jobs", out var jobs) && jobs.ValueKind == JsonValueKind.Array
            && jobs.GetArrayLength() > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]Zuora jobs[/]");
            foreach (var column in new[] { "chunk", "job id", "rows", "status", "processed", "failed", "time (ms)" })
            {
                table.AddColumn(column);
            }

            foreach (var job in jobs.EnumerateArray())
            {
                var rows = $"{Text(job, "firstRow")}-{Text(job, "lastRow")}";
                table.AddRow(Cells(Text(job, "chunk"), Text(job, "id"), rows,
                    Text(job, "status"), Text(job, "recordsProcessed"), Text(job, "failedRecords"),
                    Text(job, "processingTimeMs")));
            }

            console.Write(table);
        }

        return status;
    }

    private static void AddRow(Table table, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            table.AddRow(new Text(name), new Text(value));
        }
    }

    private static Text[] Cells(params string?[] values) => values.Select(value => new Text(value ?? "")).ToArray();

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;

    private static string? Duration(JsonElement root)
    {
        var started = Text(root, "startedAt");
        var finished = Text(root, "finishedAt");
        if (!DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, out var start)
            || !DateTimeOffset.TryParse(finished, CultureInfo.InvariantCulture, out var end))
        {
            return null;
        }

        return (end - start).ToString(@"hh\:mm\:ss\.f", CultureInfo.InvariantCulture);
    }

    private static string Colour(string? status) => status switch
    {
        "Completed" => "green",
        "CompletedWithErrors" => "yellow",
        _ => "red",
    };
}
