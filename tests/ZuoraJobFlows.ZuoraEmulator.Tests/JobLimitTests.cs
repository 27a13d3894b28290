using System.Net;
using System.Text;
using ZuoraJobFlows.ZuoraEmulator.Tests.TestSupport;

namespace ZuoraJobFlows.ZuoraEmulator.Tests;

public sealed class JobLimitTests
{
    [Fact]
    public async Task Submit_SixthActiveJob_Returns400WithLimitCode()
    {
        await using var session = await EmulatorSession.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await session.SubmitOkAsync("create");
        }

        using var sixth = await session.SubmitAsync("create");

        Assert.Equal(HttpStatusCode.BadRequest, sixth.StatusCode);
        var body = await EmulatorSession.ReadJsonAsync(sixth);
        Assert.Equal(ErrorCodes.JobLimitReached, body["reasons"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("Concurrent bulk job limit", body["reasons"]![0]!["message"]!.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.Equal(5, session.Server.JobsCreated);
        Assert.Equal(5, session.Server.MaxActiveJobsSeen);
    }

    [Fact]
    public async Task Submit_AfterOneOfFiveIsCancelled_IsAccepted()
    {
        await using var session = await EmulatorSession.StartAsync();
        var first = await session.SubmitOkAsync("create");
        for (var i = 0; i < 4; i++)
        {
            await session.SubmitOkAsync("create");
        }

        using var cancel = await session.Http.PatchAsync($"objects/jobs/{first}/cancel", null);
        using var sixth = await session.SubmitAsync("create");

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
    }

    [Fact]
    public async Task Upload_FileOver15MB_Returns400AndJobStaysPending()
    {
        await using var session = await EmulatorSession.StartAsync();
        var id = await session.SubmitOkAsync("create");
        var line = Encoding.UTF8.GetBytes("VW,Golf,VIN-0000000000000,2020\n");
        var size = (15 * 1024 * 1024) + 1024;
        var content = new byte[size];
        for (var offset = 0; offset < size; offset += line.Length)
        {
            line.AsSpan(0, Math.Min(line.Length, size - offset)).CopyTo(content.AsSpan(offset));
        }

        using var upload = await session.UploadAsync(id, new ByteArrayContent(content));

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal(ErrorCodes.UploadTooLarge, await EmulatorSession.FirstReasonCodeAsync(upload));
        Assert.Equal("pending", session.Server.JobStatus(id));
    }

    [Fact]
    public async Task Upload_SecondFile_Returns400NotPending()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.RecordsPerSecond = 1);
        var id = await session.SubmitOkAsync("create");
        using var first = await session.UploadAsync(id, "make__c,model__c,vin__c\nVW,Golf,V1\nVW,Polo,V2\n");

        using var second = await session.UploadAsync(id, "make__c,model__c,vin__c\nVW,Up,V3\n");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var body = await EmulatorSession.ReadJsonAsync(second);
        Assert.Equal(ErrorCodes.JobNotPending, body["reasons"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("not pending", body["reasons"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, session.Server.UploadsReceived(id));
        Assert.Equal(2, session.Server.WholeFilesReceived(id));
    }

    [Fact]
    public async Task Upload_ClientDiesMidFile_NotCountedAsWholeFileAndJobStaysPending()
    {
        await using var session = await EmulatorSession.StartAsync();
        var id = await session.SubmitOkAsync("create");

        var upload = session.UploadAsync(id, new StreamContent(new FailingStream(bytesBeforeFailure: 256 * 1024)));

        await Assert.ThrowsAnyAsync<Exception>(() => upload);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (session.Server.UploadsReceived(id) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, session.Server.UploadsReceived(id));
        Assert.Equal(0, session.Server.WholeFilesReceived(id));
        Assert.Equal("pending", session.Server.JobStatus(id));
    }

    /// <summary>A file that breaks off after some bytes, as when the sending process is killed.</summary>
    private sealed class FailingStream(int bytesBeforeFailure) : Stream
    {
        private int _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= bytesBeforeFailure)
            {
                throw new IOException("The sender died.");
            }

            var n = Math.Min(count, bytesBeforeFailure - _sent);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            _sent += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Upload_LargeFileToJobThatHasItsFile_Returns400NotReset()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.RecordsPerSecond = 1);
        var id = await session.SubmitOkAsync("create");
        using var first = await session.UploadAsync(id, "make__c,model__c,vin__c\nVW,Golf,V1\nVW,Polo,V2\n");
        var large = new byte[12 * 1024 * 1024];
        Array.Fill(large, (byte)'x');

        using var second = await session.UploadAsync(id, new ByteArrayContent(large));

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(ErrorCodes.JobNotPending, await EmulatorSession.FirstReasonCodeAsync(second));
    }

    [Fact]
    public async Task Upload_AcceptedJob_Returns400NotPending()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.JobStartDelay = TimeSpan.FromMinutes(5));
        var id = await session.SubmitOkAsync("create");

        using var upload = await session.UploadAsync(id, "make__c,model__c,vin__c\nVW,Golf,V1\n");

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal(ErrorCodes.JobNotPending, await EmulatorSession.FirstReasonCodeAsync(upload));
    }

    [Fact]
    public async Task Job_WithStartDelay_MovesFromAcceptedToPendingOnItsOwn()
    {
        await using var session = await EmulatorSession.StartAsync(
            o => o.JobStartDelay = TimeSpan.FromMilliseconds(50));
        using var submit = await session.SubmitAsync("create");
        var created = await EmulatorSession.ReadJsonAsync(submit);

        var later = await session.WaitForStatusAsync(created["id"]!.GetValue<string>(), "pending");

        Assert.Equal("accepted", created["status"]!.GetValue<string>());
        Assert.Equal("pending", later["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_UnknownJob_Returns404()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var upload = await session.UploadAsync("no-such-job", "a\n1\n");

        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
    }

    [Fact]
    public async Task Submit_InvalidRequests_Return400WithDistinctCodes()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var unknownObject = await session.SubmitAsync("create", "spaceship");
        using var badOperation = await session.SubmitAsync("upsert");
        using var deleteWithoutFilter = await session.SubmitAsync("delete");

        Assert.Equal(ErrorCodes.JobUnknownObject, await EmulatorSession.FirstReasonCodeAsync(unknownObject));
        Assert.Equal(ErrorCodes.JobInvalidOperation, await EmulatorSession.FirstReasonCodeAsync(badOperation));
        Assert.Equal(ErrorCodes.JobInvalidFilter, await EmulatorSession.FirstReasonCodeAsync(deleteWithoutFilter));
        Assert.Equal(0, session.Server.JobsCreated);
    }
}
