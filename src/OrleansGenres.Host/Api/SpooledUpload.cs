namespace OrleansGenres.Host.Api;

/// <summary>An upload written to a temporary file (deleted on dispose) with its length and SHA-256.</summary>
public sealed class SpooledUpload(FileStream file, long length, string sha256, string? fileName, string? contentType) : IAsyncDisposable
{
    public FileStream File { get; } = file;

    public long Length { get; } = length;

    public string Sha256 { get; } = sha256;

    public string? FileName { get; } = fileName;

    public string? ContentType { get; } = contentType;

    public ValueTask DisposeAsync() => File.DisposeAsync();
}
