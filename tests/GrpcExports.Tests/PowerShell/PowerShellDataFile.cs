using System.Globalization;

namespace GrpcExports.Tests.PowerShell;

/// <summary>
/// A reader of the PowerShell data file subset module manifests use: hashtables (@{ key = value }), arrays (@( ... )
/// with commas or new lines), single- and double-quoted strings without expansion, integers, $true/$false, and
/// comments. Hashtables become case-insensitive dictionaries, arrays lists. Anything else is a FormatException.
/// </summary>
public sealed class PowerShellDataFile
{
    private readonly string _text;
    private int _position;

    private PowerShellDataFile(string text)
    {
        _text = text;
    }

    public static Dictionary<string, object> Parse(string text)
    {
        var reader = new PowerShellDataFile(text);
        reader.SkipSpace();
        var result = reader.ReadHashtable();
        reader.SkipSpace();
        if (reader._position != text.Length)
        {
            throw reader.Error("text after the closing brace");
        }
        return result;
    }

    private object ReadValue()
    {
        SkipSpace();
        if (Next("@{"))
        {
            _position -= 2;
            return ReadHashtable();
        }
        if (Next("@("))
        {
            return ReadArrayRest();
        }
        if (Peek() is '\'' or '"')
        {
            return ReadString();
        }
        if (Next("$true"))
        {
            return true;
        }
        if (Next("$false"))
        {
            return false;
        }
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '-'))
        {
            _position++;
        }
        if (start == _position)
        {
            throw Error("a value");
        }
        return long.Parse(_text.AsSpan(start, _position - start), CultureInfo.InvariantCulture);
    }

    private Dictionary<string, object> ReadHashtable()
    {
        Expect("@{");
        var result = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipSpaceAndSeparators(';');
            if (Next("}"))
            {
                return result;
            }
            var key = Peek() is '\'' or '"' ? ReadString() : ReadIdentifier();
            SkipSpace();
            Expect("=");
            if (!result.TryAdd(key, ReadValue()))
            {
                throw Error($"a key other than the repeated '{key}'");
            }
        }
    }

    private List<object> ReadArrayRest()
    {
        var result = new List<object>();
        while (true)
        {
            SkipSpaceAndSeparators(',');
            if (Next(")"))
            {
                return result;
            }
            result.Add(ReadValue());
        }
    }

    private string ReadString()
    {
        var quote = _text[_position++];
        var value = new System.Text.StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error($"a closing {quote}");
            }
            var c = _text[_position++];
            if (c == quote)
            {
                // A doubled quote stands for one.
                if (_position < _text.Length && _text[_position] == quote)
                {
                    value.Append(quote);
                    _position++;
                    continue;
                }
                return value.ToString();
            }
            if (quote == '"' && c is '$' or '`')
            {
                throw Error("a double-quoted string without expansion or escapes");
            }
            value.Append(c);
        }
    }

    private string ReadIdentifier()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }
        return start == _position ? throw Error("a key") : _text[start.._position];
    }

    private void SkipSpaceAndSeparators(char separator)
    {
        SkipSpace();
        while (Peek() == separator)
        {
            _position++;
            SkipSpace();
        }
    }

    private void SkipSpace()
    {
        while (_position < _text.Length)
        {
            if (char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
            else if (Next("<#"))
            {
                var end = _text.IndexOf("#>", _position, StringComparison.Ordinal);
                _position = end < 0 ? throw Error("the end of a block comment") : end + 2;
            }
            else if (_text[_position] == '#')
            {
                var end = _text.IndexOf('\n', _position);
                _position = end < 0 ? _text.Length : end + 1;
            }
            else
            {
                return;
            }
        }
    }

    private char? Peek() => _position < _text.Length ? _text[_position] : null;

    private bool Next(string token)
    {
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0)
        {
            _position += token.Length;
            return true;
        }
        return false;
    }

    private void Expect(string token)
    {
        if (!Next(token))
        {
            throw Error($"'{token}'");
        }
    }

    private FormatException Error(string expected)
    {
        var line = 1 + _text.AsSpan(0, Math.Min(_position, _text.Length)).Count('\n');
        return new FormatException($"Line {line}: expected {expected}.");
    }
}
