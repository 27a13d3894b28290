using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ZuoraJobFlows.ZuoraEmulator.Tests.TestSupport;

namespace ZuoraJobFlows.ZuoraEmulator.Tests;

public sealed class DefinitionTests
{
    private static JsonObject GadgetDefinitions() => new()
    {
        ["definitions"] = new JsonObject
        {
            ["gadget"] = new JsonObject
            {
                ["object"] = "gadget",
                ["label"] = "Gadget",
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["name__c"] = new JsonObject { ["type"] = "string", ["maxLength"] = 10 },
                    ["weight__c"] = new JsonObject { ["type"] = "number" },
                },
                ["required"] = new JsonArray("name__c"),
                ["filterable"] = new JsonArray("weight__c"),
            },
        },
    };

    [Fact]
    public async Task Start_SamplesFolder_LoadsVehicleDefinition()
    {
        await using var session = await EmulatorSession.StartAsync();

        var vehicle = await session.GetJsonAsync("objects/definitions/default/vehicle");

        Assert.Equal("vehicle", vehicle["type"]!.GetValue<string>());
        Assert.Equal("integer", vehicle["schema"]!["properties"]!["year__c"]!["type"]!.GetValue<string>());
        Assert.Contains("vin__c", vehicle["schema"]!["unique"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Post_NewDefinition_IsListedAndReadable()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var post = await session.Http.PostAsJsonAsync("objects/definitions/default", GadgetDefinitions());
        var list = await session.GetJsonAsync("objects/definitions/default");
        var gadget = await session.GetJsonAsync("objects/definitions/default/gadget");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.NotNull(list["definitions"]!["gadget"]);
        Assert.NotNull(list["definitions"]!["vehicle"]);
        Assert.Equal(10, gadget["schema"]!["properties"]!["name__c"]!["maxLength"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_Definition_ThenGetReturns404()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var post = await session.Http.PostAsJsonAsync("objects/definitions/default", GadgetDefinitions());

        using var delete = await session.Http.DeleteAsync("objects/definitions/default/gadget");
        using var get = await session.Http.GetAsync("objects/definitions/default/gadget");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(ErrorCodes.DefinitionNotFound, await EmulatorSession.FirstReasonCodeAsync(get));
    }

    [Fact]
    public async Task Get_UnknownObject_Returns404()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var get = await session.Http.GetAsync("objects/definitions/default/nothing");
        using var delete = await session.Http.DeleteAsync("objects/definitions/default/nothing");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownFieldType_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();
        var body = GadgetDefinitions();
        body["definitions"]!["gadget"]!["properties"]!["weight__c"]!["type"] = "float";

        using var post = await session.Http.PostAsJsonAsync("objects/definitions/default", body);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(ErrorCodes.DefinitionInvalid, await EmulatorSession.FirstReasonCodeAsync(post));
    }

    [Fact]
    public async Task Start_DefinitionsPath_LoadsSingleObjectFile()
    {
        var folder = Directory.CreateTempSubdirectory("emu-defs-");
        try
        {
            var single = GadgetDefinitions()["definitions"]!["gadget"]!.DeepClone();
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "gadget.json"), single.ToJsonString());
            await using var session = await EmulatorSession.StartAsync(o => o.DefinitionsPath = folder.FullName);

            var list = await session.GetJsonAsync("objects/definitions/default");

            Assert.Equal(1, list["count"]!.GetValue<int>());
            Assert.NotNull(list["definitions"]!["gadget"]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
