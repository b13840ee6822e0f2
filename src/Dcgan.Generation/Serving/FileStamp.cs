// FileStamp: a checkpoint file's identity when it was read, so that a reload of an unchanged file is skipped.
namespace Dcgan.Serving;

/// <summary>A file's path, size and last write time.</summary>
internal readonly record struct FileStamp(string File, long Length, DateTime LastWriteUtc)
{
    public static FileStamp Of(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? new FileStamp(info.FullName, info.Length, info.LastWriteTimeUtc) : new FileStamp(info.FullName, -1, default);
    }
}
