// SemanticAutoencoder: the paper's one-hidden-layer ReLU autoencoder (3072-128-3072 for 32x32x3 inputs).
//   encoder  Linear(D -> K) ; ReLU   [N, K]   <- the code layer, binarised by thresholding
//   decoder  Linear(K -> D)          [N, D]   reconstruction of the clean input (linear output, pixels in [-1, 1])
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Deduplication;

/// <summary>The autoencoder module; state-dict keys <c>encoder.weight</c>, <c>encoder.bias</c>, <c>decoder.weight</c>, <c>decoder.bias</c>.</summary>
internal sealed class SemanticAutoencoder : nn.Module<Tensor, Tensor>
{
    private readonly Linear encoder;
    private readonly Linear decoder;

    public SemanticAutoencoder(int inputSize, int codeSize)
        : base(nameof(SemanticAutoencoder))
    {
        encoder = nn.Linear(inputSize, codeSize);
        decoder = nn.Linear(codeSize, inputSize);
        RegisterComponents();
    }

    /// <summary>Inputs [N, D] to ReLU codes [N, K].</summary>
    public Tensor Encode(Tensor input) => nn.functional.relu(encoder.forward(input));

    /// <summary>Codes [N, K] to reconstructions [N, D].</summary>
    public Tensor Decode(Tensor code) => decoder.forward(code);

    /// <summary>Inputs [N, D] to reconstructions [N, D] (no noise, no dropout).</summary>
    public override Tensor forward(Tensor input) => Decode(Encode(input));

    /// <summary>PyTorch's default Linear initialisation (uniform in +-1/sqrt(fan_in)), drawn from <paramref name="generator"/> only.</summary>
    public void Initialize(torch.Generator generator)
    {
        using var noGrad = torch.no_grad();
        foreach (Linear layer in new[] { encoder, decoder })
        {
            double bound = 1.0 / Math.Sqrt(layer.weight!.shape[1]);
            layer.weight.uniform_(-bound, bound, generator);
            layer.bias!.uniform_(-bound, bound, generator);
        }
    }
}
