// Adam, keeping the optimizers it built last, so a test can read their learning rates.
using Dcgan.Training;
using TorchSharp;
using Parameter = TorchSharp.Modules.Parameter;

namespace Dcgan.Core.Tests.Training;

internal sealed class RecordingOptimizerFactory : IOptimizerFactory
{
    private readonly AdamOptimizerFactory _adam = new();

    public string Kind => _adam.Kind;

    public Dictionary<GanNetworkRole, torch.optim.Optimizer> Last { get; } = [];

    public torch.optim.Optimizer Create(GanNetworkRole role, IEnumerable<Parameter> parameters, GanTrainerOptions options) =>
        Last[role] = _adam.Create(role, parameters, options);

    public double LearningRate(GanNetworkRole role) => Last[role].ParamGroups.Single().LearningRate;
}
