using SupportBot.Storage.Attachments;
using static SupportBot.Storage.Tests.TestTurns;

namespace SupportBot.Storage.Tests;

public sealed class FileAttachmentStoreTests : IDisposable
{
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x01, 0x02,
    ];

    // Each test gets its own root, so the "secret" file planted beside the folder never collides between tests.
    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "supportbot-attachment-tests", Guid.NewGuid().ToString("N"));

    private string _folder => Path.Combine(_root, "attachments");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APngIsSavedUnderAUrlSafeIdAndReopensWithTheSniffedType()
    {
        var store = new FileAttachmentStore(_folder, 1024);

        var saved = await store.SaveAsync("../../evil.exe", Png, T0, Ct);

        Assert.NotNull(saved);
        Assert.Equal("image/png", saved.ContentType);
        Assert.Equal("../../evil.exe", saved.FileName);
        Assert.Equal(Png.Length, saved.Size);
        Assert.Equal(T0, saved.At);
        Assert.True(FileAttachmentStore.IsValidId(saved.Id));
        Assert.Equal([saved.Id], Directory.GetFiles(_folder).Select(Path.GetFileName));
        await using var stream = await store.OpenAsync(saved.Id, Ct);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        Assert.Equal(Png, copy.ToArray());
    }

    [Fact]
    public async Task EachSaveGetsItsOwnId()
    {
        var store = new FileAttachmentStore(_folder, 1024);

        var first = await store.SaveAsync("a.png", Png, T0, Ct);
        var second = await store.SaveAsync("a.png", Png, T0, Ct);

        Assert.NotEqual(first!.Id, second!.Id);
    }

    [Fact]
    public async Task APdfIsAccepted()
    {
        var store = new FileAttachmentStore(_folder, 1024);

        var saved = await store.SaveAsync("statement.pdf", "%PDF-1.7\n%âãÏÓ\n"u8.ToArray(), T0, Ct);

        Assert.Equal("application/pdf", saved?.ContentType);
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedAndNothingIsWritten()
    {
        var store = new FileAttachmentStore(_folder, Png.Length - 1);

        Assert.Null(await store.SaveAsync("big.png", Png, T0, Ct));
        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFileSystemEntries(_folder).Any());
    }

    [Fact]
    public async Task TextAndEmptyFilesAreRefusedWhateverTheirName()
    {
        var store = new FileAttachmentStore(_folder, 1024);

        Assert.Null(await store.SaveAsync("shot.png", "just text, not an image"u8.ToArray(), T0, Ct));
        Assert.Null(await store.SaveAsync("shot.png", ReadOnlyMemory<byte>.Empty, T0, Ct));
        Assert.Null(await store.SaveAsync("page.svg", "<svg onload='x'/>"u8.ToArray(), T0, Ct));
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/etc/passwd")]
    [InlineData("id.partial")]
    [InlineData("")]
    public async Task AnIdThatIsNotAPlainTokenOpensNothing(string id)
    {
        var store = new FileAttachmentStore(_folder, 1024);
        Directory.CreateDirectory(_folder);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "..", "secret"), Png, Ct);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "id.partial"), Png, Ct);

        Assert.Null(await store.OpenAsync(id, Ct));
    }

    [Fact]
    public async Task AnUnknownIdOpensNothing()
    {
        var store = new FileAttachmentStore(_folder, 1024);

        Assert.Null(await store.OpenAsync("unknown-id_1", Ct));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
