// HostBatch: one prefetched batch of images in managed memory (the trainer's prefetcher hands these over).
namespace Dcgan.Data;

/// <summary>One decoded batch: <see cref="Count"/> images, [Count, C, H, W] in <see cref="Pixels"/>.</summary>
/// <param name="Index">Zero-based index of the batch within its epoch.</param>
/// <param name="Count">Number of images.</param>
/// <param name="Pixels">Channel-first floats in [-1, 1]; only the first Count * ElementCount are valid.</param>
public sealed record HostBatch(int Index, int Count, float[] Pixels);
