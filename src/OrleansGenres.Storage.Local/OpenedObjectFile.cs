namespace OrleansGenres.Storage.Local;

/// <summary>An object file opened for reading, positioned at <see cref="ContentOffset"/>.</summary>
internal sealed record OpenedObjectFile(FileStream File, ObjectFileHeader Header, long ContentOffset, long ContentLength);
