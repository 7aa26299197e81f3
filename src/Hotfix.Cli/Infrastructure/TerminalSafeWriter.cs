using System.Globalization;
using System.Text;
using Hotfix.Policy.Text;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The last line of defence between hotfix and a terminal: every control character is written as <c>\xNN</c> except
/// line breaks, tabs and the colour sequences hotfix itself emits (<c>ESC [ digits m</c>). Renderers already make the
/// data they draw inert; this catches what reaches the streams any other way — an API server's message, a path in an
/// exception — so no byte from outside can move the cursor, retitle the window or overwrite a line.
/// </summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
{
    // An escape sequence being read (starting with ESC), or a CR waiting to see whether an LF follows.
    private readonly StringBuilder pending = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (pending.Length > 0 && pending[0] == '\r')
        {
            pending.Clear();
            inner.Write(value == '\n' ? "\r" : "\\x0d");
        }
        else if (pending.Length > 0)
        {
            pending.Append(value);
            if (pending.Length == 2 ? value == '[' : char.IsAsciiDigit(value) || value == ';')
            {
                return;
            }

            // A colour sequence passes; anything else that started with ESC is shown, character by character.
            var sequence = pending.ToString();
            pending.Clear();
            if (sequence.Length > 2 && value == 'm')
            {
                inner.Write(sequence);
                return;
            }

            inner.Write("\\x1b");
            foreach (var c in sequence.AsSpan(1))
            {
                Write(c);
            }

            return;
        }

        if (value is '\u001b' or '\r')
        {
            pending.Append(value);
        }
        else if (value is '\n' or '\t' || !ControlCharacters.IsControl(value))
        {
            inner.Write(value);
        }
        else
        {
            inner.Write(ControlCharacters.Neutralise(value.ToString()));
        }
    }

    public override void Write(string? value) => Write((value ?? string.Empty).AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        // Reports are large and nearly always plain: pass plain text through whole, inspect the rest a character at a time.
        if (pending.Length == 0 && !NeedsInspection(buffer))
        {
            inner.Write(buffer);
            return;
        }

        foreach (var c in buffer)
        {
            Write(c);
        }
    }

    private static bool NeedsInspection(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ('\n' or '\t') && ControlCharacters.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    public override void Flush()
    {
        if (pending.Length > 0)
        {
            var held = pending.ToString();
            pending.Clear();
            inner.Write(ControlCharacters.Neutralise(held));
        }

        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
