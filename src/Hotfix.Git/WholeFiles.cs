using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>
/// Files replaced whole — written beside their path, then put in its place in one step — so a kill leaves either the
/// old or the new content, never a mix (the finish journal, the files of finish's checkout). Done without the two
/// things that make ext4 (auto_da_alloc) start writing the data to disk on the spot, which a finish paid for every
/// file: the temporary file is created new instead of truncated (.NET's FileMode.Create truncates an existing file
/// with ftruncate, and a file truncated to zero is flushed when it is closed), and an existing file is swapped with
/// it (renameat2 RENAME_EXCHANGE) rather than renamed over (a rename that replaces a file flushes the new one). git
/// writes new files the same way — unlink, then create — and pays neither.
/// </summary>
internal static partial class WholeFiles
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint Exchange = 2; // RENAME_EXCHANGE

    /// <summary>
    /// A new, empty <paramref name="temporary"/> to write: a leftover of that name (a killed run's) is removed, a
    /// missing folder created — each only when the first attempt says so, as it rarely does.
    /// </summary>
    public static FileStream CreateTemporary(string temporary)
    {
        try
        {
            return CreateNew(temporary);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        }
        catch (IOException)
        {
            File.Delete(temporary);
        }

        return CreateNew(temporary);
    }

    /// <summary><paramref name="content"/> written to a new <paramref name="temporary"/>.</summary>
    public static void WriteTemporary(string temporary, byte[] content)
    {
        using var file = CreateTemporary(temporary);
        file.Write(content);
    }

    /// <summary>
    /// Puts the fully written <paramref name="temporary"/> at <paramref name="target"/> in one step, replacing what is
    /// there: at every instant <paramref name="target"/> is the old file or the new one. When an existing file is
    /// swapped out, the old one is left at <paramref name="temporary"/> until it is deleted here — a kill in between
    /// leaves it as a leftover temporary file, which every caller already clears.
    /// </summary>
    public static void Replace(string temporary, string target)
    {
        if (OperatingSystem.IsLinux() && IsFileOrLink(target) && Swap(temporary, target))
        {
            File.Delete(temporary);
            return;
        }

        // Nothing there yet (no replacement: no flush either), another system, or a file system without exchange.
        File.Move(temporary, target, overwrite: true);
    }

    private static bool exchangeMissing;

    private static FileStream CreateNew(string path) => new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

    private static bool Swap(string temporary, string target)
    {
        if (exchangeMissing)
        {
            return false;
        }

        try
        {
            return RenameAt2(CurrentDirectory, temporary, CurrentDirectory, target, Exchange) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without renameat2 (glibc before 2.28): the plain rename below does the same job.
            exchangeMissing = true;
            return false;
        }
    }

    private static bool IsFileOrLink(string path)
    {
        var info = new FileInfo(path);
        return info.Exists || info.LinkTarget is not null;
    }

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
