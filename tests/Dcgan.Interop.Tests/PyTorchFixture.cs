// The checked-in PyTorch fixtures (Fixtures/make_fixtures.py): which architecture each folder holds, and its files.
using Dcgan.Models;

namespace Dcgan.Interop.Tests;

public sealed record PyTorchFixture(string Name, DcganModelOptions Architecture, bool SigmoidOutput)
{
    // nz = 16, ngf = ndf = 8 in every fixture (make_fixtures.py, `make`).
    public static readonly PyTorchFixture PyTorch64 = new("pytorch64", Options(DcganModelOptions.PyTorchExample(64, 1)), SigmoidOutput: true);
    public static readonly PyTorchFixture PyTorch32 = new("pytorch32", Options(DcganModelOptions.PyTorchExample(32, 3)), SigmoidOutput: false);
    public static readonly PyTorchFixture Paper32 = new("paper32", Options(DcganModelOptions.Paper(32, 1)), SigmoidOutput: false);

    public static TheoryData<string> Names => ["pytorch64", "pytorch32", "paper32"];

    public string Generator => File("netG.pth");

    public string Discriminator => File("netD.pth");

    public string Latents => File("z.npy");

    public string GeneratedImages => File("g.npy");

    public string Judgements => File("d.npy");

    public static PyTorchFixture Named(string name) => name switch
    {
        "pytorch64" => PyTorch64,
        "pytorch32" => PyTorch32,
        "paper32" => Paper32,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such fixture."),
    };

    private string File(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", Name, name);

    private static DcganModelOptions Options(DcganModelOptions o)
    {
        o.LatentDimension = 16;
        o.GeneratorWidth = 8;
        o.DiscriminatorWidth = 8;
        return o;
    }
}
