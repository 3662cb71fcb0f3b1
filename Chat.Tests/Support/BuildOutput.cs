namespace Chat.Tests.Support;

/// <summary>
/// Where the projects of this repository are and where they put their build output, for the configuration and
/// target framework the caller was built with (bin/&lt;Configuration&gt;/&lt;tfm&gt;, read off the caller's own
/// output folder). Used to start Chat.App and Chat.Load as child processes.
/// </summary>
public static class BuildOutput
{
    private static readonly DirectoryInfo Caller = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ProjectFolder(string project) => Path.Combine(RepositoryRoot, project);

    /// <summary>The project's main assembly, e.g. Chat.App/bin/Release/net10.0/Chat.App.dll.</summary>
    public static string Assembly(string project) =>
        Path.Combine(ProjectFolder(project), "bin", Caller.Parent!.Name, Caller.Name, project + ".dll");

    private static string FindRoot()
    {
        var root = Caller;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Chat.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException($"Chat.sln not found above {AppContext.BaseDirectory}.");
    }
}
