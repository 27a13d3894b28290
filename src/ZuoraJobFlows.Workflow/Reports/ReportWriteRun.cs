using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Workflow.Reports;

/// <summary>
/// One execution of <see cref="ReportWriter.WriteAsync"/>: walks the original file and the sorted errors side by
/// side, so neither is held in memory. Rows are numbered as the preparer numbers them (records, header = 1).
/// </summary>
internal sealed class ReportWriteRun(
    Stream input, char? delimiter, Stream errorsCsv, Stream retryCsv, int bufferSize)
{
    // The preparer refuses records over the chunk limit; this only bounds memory on a file it never saw.
    private const long MaxRecordBytes = 256L * 1024 * 1024;
    private const int FlushThreshold = 256 * 1024;

    private readonly CsvRecordReader _reader = new(input, MaxRecordBytes, bufferSize);
    private readonly CsvRecordBatch _batch = new();
    private readonly PipeWriter _errors = PipeWriter.Create(errorsCsv, new StreamPipeWriterOptions(leaveOpen: true));
    private readonly PipeWriter _retry = PipeWriter.Create(retryCsv, new StreamPipeWriterOptions(leaveOpen: true));
    private byte _delimiter = (byte)',';
    private bool _readerDone;
    private long _currentRow = 1;
    private long _valuesRow;
    private int _index;
    private int _columnCount;
    private List<string> _values = [];

    public async Task<ReportCounts> RunAsync(IAsyncEnumerable<ReportError> errors, CancellationToken cancellationToken)
    {
        await WriteHeadersAsync(cancellationToken);

        long errorLines = 0;
        long failedRows = 0;

        await foreach (var error in errors.WithCancellation(cancellationToken))
        {
            await AdvanceToAsync(error.Row, cancellationToken);

            var values = ValuesFor(error.Row, ref failedRows);
            WriteErrorLine(error, values);
            errorLines++;

            if (_errors.UnflushedBytes + _retry.UnflushedBytes >= FlushThreshold)
            {
                await _errors.FlushAsync(cancellationToken);
                await _retry.FlushAsync(cancellationToken);
            }
        }

        await _errors.CompleteAsync();
        await _retry.CompleteAsync();
        await errorsCsv.FlushAsync(cancellationToken);
        await retryCsv.FlushAsync(cancellationToken);

        return new ReportCounts(errorLines, failedRows);
    }

    private async Task WriteHeadersAsync(CancellationToken cancellationToken)
    {
        if (delimiter is { } known)
        {
            _reader.UseDelimiter((byte)known);
        }

        var status = await _reader.ReadAsync(cancellationToken);
        var columns = new List<string>();

        if (status == CsvReadStatus.Record)
        {
            _delimiter = delimiter is { } given ? (byte)given : CsvDelimiter.Detect(_reader.Content);
            _reader.UseDelimiter(_delimiter);
            columns = CsvHeader.ParseNames(_reader.Content, _delimiter);

            _retry.Write(_reader.ByteOrderMarkBytes);
            _retry.Write(_reader.ContentWithTerminator);
        }
        else
        {
            _readerDone = true;
        }

        _columnCount = columns.Count;
        _errors.Write("row,code,message"u8);
        foreach (var column in columns)
        {
            _errors.Write(","u8);
            CsvFields.WriteValue(SpreadsheetSafe.Neutralise(column), _errors);
        }

        _errors.Write("\r\n"u8);
    }

    // Skips whole batches of records until the batch holding the row, so a file with few errors is scanned fast.
    private async Task AdvanceToAsync(long row, CancellationToken cancellationToken)
    {
        while (!_readerDone && _currentRow < row)
        {
            if (_batch.Count > 0 && row <= _batch.Row(_batch.Count - 1))
            {
                _index = (int)(row - _batch.FirstRow);
                _currentRow = row;
                return;
            }

            var status = await _reader.ReadBatchAsync(_batch, cancellationToken);
            if (status != CsvReadStatus.Record)
            {
                _readerDone = true;
                return;
            }

            _index = 0;
            _currentRow = _batch.FirstRow;
        }
    }

    // The record's values for errors.csv; on the first error of a row its bytes also go to retry.csv.
    private List<string> ValuesFor(long row, ref long failedRows)
    {
        if (row <= 1 || _readerDone || _currentRow != row)
        {
            return [];
        }

        if (_valuesRow != row)
        {
            _values = CsvFields.Values(_batch.Content(_index), _delimiter);
            _valuesRow = row;
            _retry.Write(_batch.Buffer.AsSpan(_batch.Start(_index), _batch.End(_index) - _batch.Start(_index)));
            failedRows++;
        }

        return _values;
    }

    private void WriteErrorLine(ReportError error, List<string> values)
    {
        _errors.Write(Encoding.ASCII.GetBytes(error.Row.ToString(CultureInfo.InvariantCulture)));
        _errors.Write(","u8);
        CsvFields.WriteValue(SpreadsheetSafe.Neutralise(error.Code), _errors);
        _errors.Write(","u8);
        CsvFields.WriteValue(SpreadsheetSafe.Neutralise(error.Message), _errors);

        foreach (var value in values)
        {
            _errors.Write(","u8);
            CsvFields.WriteValue(SpreadsheetSafe.Neutralise(value), _errors);
        }

        // Rows Zuora named but the file does not have keep the table rectangular.
        for (var i = values.Count; i < _columnCount; i++)
        {
            _errors.Write(","u8);
        }

        _errors.Write("\r\n"u8);
    }
}
