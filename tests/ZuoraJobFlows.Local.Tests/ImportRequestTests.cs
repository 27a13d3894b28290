using ZuoraJobFlows.Local.Cli;

namespace ZuoraJobFlows.Local.Tests;

public sealed class ImportRequestTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), TestStorage.UniqueName("cars ") + ".csv");

    public ImportRequestTests() => File.WriteAllText(_file, "make__c\nToyota\n");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void From_FileAndObject_DefaultsToCreateAndOutFolderNamedAfterFile()
    {
        var arguments = CliArguments.Parse([_file, "--object", "vehicle"], ImportRequest.Options);

        var request = ImportRequest.From(arguments);

        Assert.Equal("create", request.Operation);
        Assert.Equal("vehicle", request.ObjectName);
        Assert.Equal(Path.GetFullPath(Path.Combine("out", Path.GetFileNameWithoutExtension(_file))),
            request.OutputDirectory);
        Assert.Null(request.FunctionsHost);
    }

    [Fact]
    public void From_AllOptions_AreRead()
    {
        var arguments = CliArguments.Parse(
            [_file, "--object=vehicle", "--operation", "UPDATE", "--out", "/tmp/x", "--delimiter", "tab",
             "--functions-host", "http://localhost:7071"],
            ImportRequest.Options);

        var request = ImportRequest.From(arguments);

        Assert.Equal("update", request.Operation);
        Assert.Equal("/tmp/x", request.OutputDirectory);
        Assert.Equal('\t', request.Delimiter);
        Assert.Equal(new Uri("http://localhost:7071/"), request.FunctionsHost);
    }

    [Theory]
    [InlineData("--operation", "delete")]
    [InlineData("--delimiter", ";;")]
    [InlineData("--api", "not a url")]
    public void From_BadOptionValue_ThrowsUsageException(string option, string value)
    {
        var arguments = CliArguments.Parse([_file, "--object", "vehicle", option, value], ImportRequest.Options);

        Assert.Throws<UsageException>(() => ImportRequest.From(arguments));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("bad name")]
    [InlineData("a/b")]
    [InlineData("1vehicle")]
    [InlineData("_vehicle")]
    [InlineData("vehicle-2")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void From_ObjectNotAnApiName_ThrowsUsageExceptionNamingObject(string objectName)
    {
        var arguments = CliArguments.Parse([_file, "--object", objectName], ImportRequest.Options);

        var exception = Assert.Throws<UsageException>(() => ImportRequest.From(arguments));

        Assert.StartsWith("--object", exception.Message, StringComparison.Ordinal);
        Assert.Contains(objectName, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vehicle")]
    [InlineData("Fleet_Vehicle_2")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void From_ObjectApiName_IsAccepted(string objectName)
    {
        var arguments = CliArguments.Parse([_file, "--object", $" {objectName} "], ImportRequest.Options);

        var request = ImportRequest.From(arguments);

        Assert.Equal(objectName, request.ObjectName);
    }

    [Theory]
    [InlineData(",", ',')]
    [InlineData(";", ';')]
    [InlineData("|", '|')]
    [InlineData("\t", '\t')]
    [InlineData("\\t", '\t')]
    [InlineData("TAB", '\t')]
    [InlineData("comma", ',')]
    [InlineData("Semicolon", ';')]
    [InlineData("pipe", '|')]
    public void From_SupportedDelimiter_IsRead(string value, char expected)
    {
        var arguments = CliArguments.Parse([_file, "--object", "vehicle", "--delimiter", value],
            ImportRequest.Options);

        var request = ImportRequest.From(arguments);

        Assert.Equal(expected, request.Delimiter);
    }

    [Theory]
    [InlineData("--delimiter", "x")]
    [InlineData("--delimiter", ":")]
    [InlineData("--delimiter", ";;")]
    [InlineData("--operation", "delete")]
    [InlineData("--operation", "")]
    public void From_UnsupportedValue_ThrowsUsageExceptionNamingOption(string option, string value)
    {
        var arguments = CliArguments.Parse([_file, "--object", "vehicle", option, value], ImportRequest.Options);

        var exception = Assert.Throws<UsageException>(() => ImportRequest.From(arguments));

        Assert.StartsWith(option, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_MissingObject_ThrowsUsageException()
    {
        var arguments = CliArguments.Parse([_file], ImportRequest.Options);

        var exception = Assert.Throws<UsageException>(() => ImportRequest.From(arguments));

        Assert.Contains("--object", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownOption_ThrowsUsageException()
    {
        Assert.Throws<UsageException>(() => CliArguments.Parse([_file, "--colour", "red"], ImportRequest.Options));
    }

    [Theory]
    [InlineData("Completed", 0)]
    [InlineData("CompletedWithErrors", 2)]
    [InlineData("Rejected", 3)]
    [InlineData("Failed", 3)]
    [InlineData("Cancelled", 3)]
    public void ForRunStatus_SummaryStatus_MapsToDocumentedExitCode(string status, int expected)
    {
        Assert.Equal(expected, ExitCodes.ForRunStatus(status));
    }
}
