// Where the tools find data when no path is given: files shipped inside the tool's own folder are found relative
// to the tool (AppContext.BaseDirectory), never relative to the current directory, so the defaults work from any
// folder. Fashion-MNIST: Debian's full dataset-fashion-mnist when installed, else the test split shipped with the tool.
using Dcgan.Data;

namespace Dcgan.CommandLine;

public static class DataLocation
{
    /// <summary>The folder of the Fashion-MNIST test split shipped with each tool (data/fashion-mnist next to the tool's DLL).</summary>
    public static string ShippedFashionMnist => Shipped("data", "fashion-mnist");

    /// <summary>The path of a file or folder shipped with the running tool, e.g. Shipped("data", "evaluation", "x.bin").</summary>
    public static string Shipped(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    /// <summary>
    /// <paramref name="explicitPath"/> when given; else the system-wide Fashion-MNIST (<see cref="FashionMnist.DefaultLocation"/>) when it holds the full
    /// data set; else the shipped test split.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Neither exists; the message names both folders and how to fix it.</exception>
    public static string Resolve(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return explicitPath;
        }

        try
        {
            return FashionMnist.DefaultLocation(ShippedFashionMnist);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new DirectoryNotFoundException(
                $"{e.Message} The test split should ship with this tool in '{ShippedFashionMnist}' (reinstall the tool); " +
                $"or install the full set (apt-get install dataset-fashion-mnist), or pass --data FOLDER.", e);
        }
    }
}
