namespace Hotfix;

/// <summary>
/// Bad input or configuration: the message names the input and the form that was expected. The CLI prints it on one
/// line and exits 2. Nothing was changed when this is thrown.
/// </summary>
public class HotfixInputException : Exception
{
    public HotfixInputException(string message)
        : base(message)
    {
    }

    public HotfixInputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
