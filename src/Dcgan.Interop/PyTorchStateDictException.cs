// PyTorchStateDictException: a PyTorch state-dict file that cannot be read, or whose keys do not fit the layout.
namespace Dcgan.Interop;

/// <summary>
/// (An <see cref="IOException"/>.) A <c>.pth</c> file is not a readable PyTorch state dict, or its keys do not fit the network's layout (the message
/// lists every missing, unexpected and misshaped key), or a network cannot be written in the layout.
/// </summary>
public sealed class PyTorchStateDictException : IOException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    public PyTorchStateDictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="innerException">The cause.</param>
    public PyTorchStateDictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
