namespace ZuoraJobFlows.Workflow.Api;

/// <summary>
/// The <c>{operation}/{object}/</c> folders of an input blob name as written, and, when a folder is missing, a
/// sentence saying which one with an example of where the file should go. Whether the folder names are a known
/// operation and a valid object name is judged by the caller.
/// </summary>
internal sealed record BlobFolders(string? Operation, string? Object, string? Missing)
{
    public const string Layout = "files go in {operation}/{object}/..., with operation 'create' or 'update'";

    private const string ExampleObject = "vehicle";

    /// <summary>Reads the folders of a name that already passed <see cref="BlobNameRules.Problem"/>.</summary>
    public static BlobFolders Read(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);

        var parts = blobName.Split('/');
        var file = parts[^1];
        if (parts.Length >= 3)
        {
            return new BlobFolders(parts[0], parts[1], null);
        }

        if (parts.Length == 1)
        {
            return new BlobFolders(null, null,
                $"'{blobName}' is at the container's root: {Layout}, e.g. create/{ExampleObject}/{file}.");
        }

        var folder = parts[0];
        if (IsOperation(folder))
        {
            return new BlobFolders(folder, null,
                $"'{blobName}' has no object folder: {Layout}, e.g. {folder}/{ExampleObject}/{file}.");
        }

        // One folder that is not an operation is most likely the object; the example uses it as one.
        var exampleObject = ObjectNameRules.IsValid(folder) ? folder : ExampleObject;
        return new BlobFolders(null, null,
            $"'{blobName}' has no operation folder ('{folder}' is not 'create' or 'update'): {Layout}, "
            + $"e.g. create/{exampleObject}/{file}.");
    }

    public static bool IsOperation(string? folder) => folder is "create" or "update";

    /// <summary>The file's name below the two folders, or its last segment when it has fewer.</summary>
    public static string FileName(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);

        var parts = blobName.Split('/', 3);
        return parts.Length == 3 ? parts[2] : parts[^1];
    }
}
