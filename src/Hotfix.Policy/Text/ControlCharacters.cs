using System.Globalization;
using System.Text;

namespace Hotfix.Policy.Text;

/// <summary>
/// Text from users and repositories made inert for a terminal or a document: C0 controls (ESC, CR, BEL…), DEL and C1
/// controls become a visible <c>\xNN</c>, so a note or a file name cannot move the cursor, recolour the screen or
/// overwrite a line it does not own. A newline is kept only where the renderer lays out continuation lines itself.
/// </summary>
internal static class ControlCharacters
{
    public static bool IsControl(char c) => c < ' ' || c is >= '\u007f' and <= '\u009f';

    public static bool Contains(string text)
    {
        foreach (var c in text)
        {
            if (IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every control character shown as <c>\xNN</c> instead of sent to the terminal.</summary>
    /// <param name="text">Text from people or repositories (notes, subjects, file names, server messages).</param>
    /// <param name="keepNewlines">Keep LF (a CR before it goes): for renderers that split lines and indent them.</param>
    public static string Neutralise(string text, bool keepNewlines = false)
    {
        if (!Contains(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (keepNewlines && (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')))
            {
                sb.Append(c == '\n' ? "\n" : string.Empty);
            }
            else if (c == '\t')
            {
                sb.Append(' ');
            }
            else if (IsControl(c))
            {
                sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
