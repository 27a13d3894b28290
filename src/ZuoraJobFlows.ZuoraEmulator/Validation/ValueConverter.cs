using System.Globalization;
using ZuoraJobFlows.ZuoraEmulator.Definitions;

namespace ZuoraJobFlows.ZuoraEmulator.Validation;

/// <summary>Turns a CSV cell into the field's typed value, or says which rule it breaks.</summary>
internal static class ValueConverter
{
    private static readonly string[] s_dateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    public static bool TryConvert(FieldDefinition field, string raw, out object value, out RowProblem? problem)
    {
        problem = null;
        value = raw;
        switch (field.Type)
        {
            case "integer" when long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                out var integer):
                value = integer;
                return true;
            case "integer":
                problem = Invalid(field, "an integer");
                return false;
            case "number" when decimal.TryParse(raw,
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var number):
                value = number;
                return true;
            case "number":
                problem = Invalid(field, "a number with a '.' decimal point");
                return false;
            case "boolean" when raw is "true" or "false":
                value = raw == "true";
                return true;
            case "boolean":
                problem = Invalid(field, "true or false");
                return false;
            default:
                return TryConvertString(field, raw, out problem);
        }
    }

    /// <summary>Converts a filter value given in JSON (number, string or boolean) to the field's type.</summary>
    public static bool TryConvertFilterValue(FieldDefinition field, System.Text.Json.Nodes.JsonNode? node,
        out object value)
    {
        value = string.Empty;
        if (node is not System.Text.Json.Nodes.JsonValue json)
        {
            return false;
        }

        var kind = json.GetValueKind();
        var text = kind == System.Text.Json.JsonValueKind.String ? json.GetValue<string>() : json.ToJsonString();
        var typeMatches = field.Type switch
        {
            "integer" or "number" => kind is System.Text.Json.JsonValueKind.Number
                or System.Text.Json.JsonValueKind.String,
            "boolean" => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
            _ => kind == System.Text.Json.JsonValueKind.String,
        };

        return typeMatches && TryConvert(field, text, out value, out _);
    }

    private static bool TryConvertString(FieldDefinition field, string raw, out RowProblem? problem)
    {
        problem = null;
        if (field.MaxLength is { } maxLength && raw.Length > maxLength)
        {
            problem = new RowProblem(ErrorCodes.RowTooLong,
                $"The value of '{field.Name}' has {raw.Length} characters; at most {maxLength} are allowed.");
            return false;
        }

        if (field.Enum is { } allowed && !allowed.Contains(raw, StringComparer.Ordinal))
        {
            problem = new RowProblem(ErrorCodes.RowInvalidEnum,
                $"The value of '{field.Name}' is not one of the allowed values: {string.Join(", ", allowed)}.");
            return false;
        }

        var formatOk = field.Format switch
        {
            "date" => DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out _),
            "date-time" => IsDateTime(raw),
            _ => true,
        };
        if (!formatOk)
        {
            var expected = field.Format == "date" ? "a date as yyyy-MM-dd" : "an ISO 8601 date-time with an offset";
            problem = new RowProblem(ErrorCodes.RowInvalidFormat, $"The value of '{field.Name}' is not {expected}.");
        }

        return formatOk;
    }

    private static bool IsDateTime(string raw)
    {
        var timeStart = raw.IndexOf('T', StringComparison.Ordinal);
        var hasOffset = raw.EndsWith('Z') || raw.LastIndexOfAny(['+', '-']) > timeStart;
        return hasOffset && raw.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParseExact(raw,
            s_dateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private static RowProblem Invalid(FieldDefinition field, string expected) =>
        new(ErrorCodes.RowInvalidType, $"The value of '{field.Name}' is not {expected}.");
}
