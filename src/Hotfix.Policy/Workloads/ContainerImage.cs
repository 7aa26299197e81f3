namespace Hotfix.Policy.Workloads;

/// <summary>A container and its image, as a rollback plan shows them.</summary>
public sealed record ContainerImage(string Container, string Image, bool Init = false)
{
    public override string ToString() => (Init ? "init:" : string.Empty) + $"{Container}={Image}";
}
