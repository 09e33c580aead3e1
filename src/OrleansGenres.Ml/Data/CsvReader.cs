using System.Runtime.CompilerServices;
using System.Text;

namespace OrleansGenres.Ml.Data;

/// <summary>
/// Streams RFC-4180 records: quoted fields may hold commas, quotes (doubled) and line breaks; lines end in LF, CRLF
/// or CR; blank lines are skipped. Malformed records are still returned, with <see cref="CsvRecord.Error"/> set, so
/// the caller can report every problem in one pass.
/// </summary>
internal sealed class CsvReader(TextReader reader)
{
    private const int BufferSize = 16 * 1024;

    public async IAsyncEnumerable<CsvRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new char[BufferSize];
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoteLine = 1;
        var recordStarted = false;
        var inQuotes = false;
        var afterQuote = false;
        var previousWasCr = false;
        string? error = null;

        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                var endOfRecord = false;
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c is '\r' or '\n')
                {
                    // The LF of a CRLF was already handled by its CR.
                    endOfRecord = !(c == '\n' && previousWasCr);
                }
                else
                {
                    if (!recordStarted)
                    {
                        recordStarted = true;
                        recordLine = line;
                    }

                    if (c == ',')
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                        afterQuote = false;
                    }
                    else if (c == '"' && afterQuote)
                    {
                        // A doubled quote inside a quoted field.
                        field.Append('"');
                        inQuotes = true;
                        afterQuote = false;
                    }
                    else if (c == '"' && field.Length == 0)
                    {
                        inQuotes = true;
                        quoteLine = line;
                    }
                    else
                    {
                        if (afterQuote)
                        {
                            error ??= $"unexpected character '{c}' after the closing quote of field {fields.Count + 1}";
                            afterQuote = false;
                        }

                        // A quote inside an unquoted field is taken literally, as most writers expect.
                        field.Append(c);
                    }
                }

                if (c == '\r' || (c == '\n' && !previousWasCr))
                {
                    line++;
                }

                previousWasCr = c == '\r';

                if (endOfRecord)
                {
                    if (recordStarted)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRecord(recordLine, [.. fields], error);
                    }

                    fields.Clear();
                    field.Clear();
                    recordStarted = false;
                    afterQuote = false;
                    error = null;
                }
            }
        }

        if (inQuotes)
        {
            error ??= $"unterminated quoted field opened on line {quoteLine}";
        }

        if (recordStarted)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, [.. fields], error);
        }
    }
}
