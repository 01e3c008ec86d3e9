using HybridSim.Specs.Output;

namespace HybridSim.Cli.Commands;

/// <summary>
/// Up-front checks of output options, so a target that cannot be written fails in milliseconds rather than after the
/// simulation or training: an empty value is a usage error (exit 2); a special file, a folder where a file is expected,
/// or a folder that cannot be created throws a SpecException naming the option and path (exit 1).
/// </summary>
public static class OutputTargets
{
    /// <summary>True (and an error printed) when an output option was given as an empty string.</summary>
    public static bool IsEmpty(TextWriter error, string option, string? value)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            error.WriteLine($"error: {option} must not be empty; give a path");
            return true;
        }

        return false;
    }

    /// <summary>Checks a file target (e.g. <c>--out LOGITS.npy</c>, <c>--trace FILE</c>); null means not requested.</summary>
    public static void CheckFile(string option, string? path)
    {
        if (path is not null)
        {
            SafeFile.CheckWritableFile(path, option);
        }
    }

    /// <summary>Checks a folder target and the files the verb will write in it.</summary>
    public static void CheckFolder(string option, string? folder, params string[] files)
    {
        if (folder is null)
        {
            return;
        }

        SafeFile.CheckWritableFolder(folder, option);
        foreach (var file in files)
        {
            SafeFile.CheckWritableFile(Path.Combine(folder, file), option);
        }
    }
}
