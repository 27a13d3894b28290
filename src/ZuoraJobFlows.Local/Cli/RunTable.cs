using System.Text.Json;
using Spectre.Console;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Prints the run status document of <c>GET /api/imports/{id}</c> as a two-column table.</summary>
internal static class RunTable
{
    public static void Render(IAnsiConsole console, JsonElement run)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("field").AddColumn("value");
        if (run.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in run.EnumerateObject())
            {
                if (property.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    table.AddRow(new Text(property.Name), new Text(Describe(property.Value)));
                }
            }
        }

        console.Write(table);
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Object or JsonValueKind.Array => JsonSerializer.Serialize(value, IndentedOptions),
        _ => value.GetRawText(),
    };

    private static readonly JsonSerializerOptions IndentedOptions = new() { WriteIndented = true };
}
