// NpyFormatException: a .npy/.npz file that is not what the reader expects (not NumPy's format, another dtype, ...).
namespace Dcgan.Interop;

/// <summary>(An <see cref="IOException"/>.) A .npy or .npz file is malformed or holds an array Dcgan cannot use; the message names the file and the problem.</summary>
public sealed class NpyFormatException : IOException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    public NpyFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="innerException">The cause.</param>
    public NpyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
