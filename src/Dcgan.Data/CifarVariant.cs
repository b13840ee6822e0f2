// CifarVariant: which of the two CIFAR binary layouts a file uses (one label byte, or a coarse and a fine label byte).
namespace Dcgan.Data;

/// <summary>The two record layouts of the CIFAR binary distribution (https://www.cs.toronto.edu/~kriz/cifar.html).</summary>
public enum CifarVariant
{
    /// <summary>
    /// CIFAR-10 (<c>data_batch_1.bin</c> .. <c>data_batch_5.bin</c>, <c>test_batch.bin</c>): 3073-byte records, one
    /// label byte (0-9) then 3072 pixel bytes (1024 R, 1024 G, 1024 B, each plane 32 rows of 32, row-major).
    /// </summary>
    Cifar10,

    /// <summary>
    /// CIFAR-100 (<c>train.bin</c>, <c>test.bin</c>): 3074-byte records, a coarse label byte (0-19), a fine label byte
    /// (0-99), then the same 3072 pixel bytes.
    /// </summary>
    Cifar100,
}
