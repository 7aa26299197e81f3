namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// The numbers of finish's writes as <see cref="FaultInjectingPorts"/> counts them, for tests that die at a chosen
/// one; <see cref="FinishFaultInjectionTests"/> pins the whole sequence.
/// </summary>
internal static class FinishWrites
{
    public const int MoveMain = 3;
    public const int MoveDevelop = 5;
    public const int AttachHead = 7;
    public const int CheckOut = 9;
}
