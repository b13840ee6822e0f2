// TwoBlockGenerator: a small ILayeredGenerator that is not a DcganGenerator (a hand-written network with one hidden
// block), to show that the latent tools' layer intervention works on any generator that exposes its blocks.
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Models;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Forgetting;

/// <summary>z [N, 4] -> Linear -> [N, 3, 4, 4] -> ReLU (block0) -> ConvTranspose2d -> Tanh -> [N, 1, 8, 8].</summary>
internal sealed class TwoBlockGenerator : nn.Module<Tensor, Tensor>, ILayeredGenerator
{
    private readonly Linear project;
    private readonly ConvTranspose2d up;

    public TwoBlockGenerator(ulong seed)
        : base(nameof(TwoBlockGenerator))
    {
        project = nn.Linear(4, 3 * 4 * 4, hasBias: false);
        up = nn.ConvTranspose2d(in_channels: 3, out_channels: 1, kernel_size: 4, stride: 2, padding: 1, bias: false);
        using var rng = new torch.Generator(seed, CPU);
        using (torch.no_grad())
        {
            project.weight!.normal_(0, 1, rng);
            up.weight!.normal_(0, 0.5, rng);
        }

        RegisterComponents();
    }

    public int LatentDimension => 4;

    public LatentDistribution LatentDistribution => LatentDistribution.Normal;

    public ImageShape ImageShape => new(1, 8, 8);

    public nn.Module<Tensor, Tensor> Network => this;

    public IReadOnlyList<ImageShape> HiddenBlockShapes => [new ImageShape(3, 4, 4)];

    public Tensor Generate(Tensor latent) => forward(latent);

    public override Tensor forward(Tensor latent) => ForwardWithIntervention(latent, 0, x => x);

    public Tensor ForwardWithIntervention(Tensor latent, int blockIndex, Func<Tensor, Tensor> intervention)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(blockIndex, 0);
        using var scope = torch.NewDisposeScope();
        Tensor block = nn.functional.relu(project.call(latent).reshape(-1, 3, 4, 4)); // [N, 3, 4, 4]
        Tensor images = up.call(intervention(block)).tanh();                          // [N, 1, 8, 8]
        return images.MoveToOuterDisposeScope();
    }
}
