using System.Runtime.CompilerServices;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// The libgit2 <c>git_repository*</c> behind a LibGit2Sharp <see cref="Repository"/>, which LibGit2Sharp keeps internal
/// (<c>Repository.Handle</c>, a <c>RepositoryHandle</c> whose pointer <c>AsIntPtr</c> returns). Read through
/// <see cref="UnsafeAccessorAttribute"/>, which the AOT compiler binds at build time like a direct call. A test checks
/// that the pinned LibGit2Sharp still has both members; a version without them gets null here, and the caller opens a
/// handle of its own as before.
/// </summary>
internal static class LibGit2SharpHandles
{
    public static IntPtr? RepositoryPointer(Repository repository)
    {
        try
        {
            var pointer = AsIntPtr(Handle(repository));
            return pointer == IntPtr.Zero ? null : pointer;
        }
        catch (Exception e) when (e is MissingMemberException or TypeLoadException or FileNotFoundException)
        {
            return null;
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Handle")]
    [return: UnsafeAccessorType("LibGit2Sharp.Core.Handles.RepositoryHandle, LibGit2Sharp")]
    private static extern object Handle(Repository repository);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "AsIntPtr")]
    private static extern IntPtr AsIntPtr([UnsafeAccessorType("LibGit2Sharp.Core.Handles.Libgit2Object, LibGit2Sharp")] object handle);
}
