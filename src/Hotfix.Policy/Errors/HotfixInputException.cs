namespace Hotfix;

/// <summary>
/// Bad input or configuration: the message names the input and the form that was expected. The CLI prints it on one
/// line and exits 2. Nothing was changed when this is thrown.
/// </summary>
public class HotfixInputException : Exception
{
    /// <summary>Reports bad input; <paramref name="message"/> names the input and the expected form.</summary>
    /// <param name="message">One line: what was wrong and what was expected.</param>
    public HotfixInputException(string message)
        : base(message)
    {
    }

    /// <summary>Reports bad input found while reading or parsing it.</summary>
    /// <param name="message">One line: what was wrong and what was expected.</param>
    /// <param name="inner">The failure that revealed it (e.g. a JSON or I/O error).</param>
    public HotfixInputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
