using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace ZuoraJobFlows.Functions.Tests.Fakes;

/// <summary>A request as ASP.NET Core hands it to a function, and the response an action result writes.</summary>
internal static class HttpExchange
{
    public static HttpRequest Request(string? json = null, string? query = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = json is null ? HttpMethods.Get : HttpMethods.Post;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json ?? string.Empty));
        context.Request.ContentType = "application/json";
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    public static async Task<WrittenResponse> ExecuteAsync(IActionResult result, HttpRequest request)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        var text = await reader.ReadToEndAsync();
        return new WrittenResponse(
            context.Response.StatusCode,
            context.Response.Headers.Location.ToString(),
            context.Response.ContentType,
            text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}

internal sealed record WrittenResponse(int StatusCode, string Location, string? ContentType, JsonElement Body);
