namespace Hotfix.Policy.Workloads;

/// <summary>A container and its image, as a rollback plan shows them.</summary>
/// <param name="Container">The container's name in the pod template.</param>
/// <param name="Image">The image reference, as the template gives it.</param>
/// <param name="Init">True for an init container.</param>
public sealed record ContainerImage(string Container, string Image, bool Init = false)
{
    /// <summary><c>container=image</c>, prefixed with <c>init:</c> for an init container.</summary>
    public override string ToString() => (Init ? "init:" : string.Empty) + $"{Container}={Image}";
}
