// The shared supervised training loop (used by SupervisedCnn and EvaluationClassifier.Train): the parts the two
// callers' own tests do not reach directly: the per-epoch learning-rate decay and the two epoch means.
using Dcgan.Core.Tests.Models;
using Dcgan.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation.Tests.Features;

public class ClassifierTrainerTests
{
    private const int Count = 50; // batches of 16: 16, 16, 16, 2 (the short last batch makes the two means differ)

    private static (nn.Module<Tensor, Tensor> Network, List<ClassifierTrainingEpoch> Epochs) Train(
        int epochs, double decay, Func<nn.Module<Tensor, Tensor>, Func<Tensor, Tensor>>? forward = null, bool allClassZero = false)
    {
        var network = nn.Sequential(nn.Flatten(), nn.Linear(12, 3));
        using (var init = new torch.Generator(seed: 4, device: torch.CPU))
        using (torch.no_grad())
        {
            foreach (var p in network.parameters())
            {
                p.uniform_(-0.3, 0.3, init);
            }
        }

        var rng = new Random(5);
        int[] classes = Enumerable.Range(0, Count).Select(i => allClassZero ? 0 : i % 3).ToArray();
        float[] pixels = Enumerable.Range(0, Count * 12).Select(i => (float)(rng.NextDouble() - 0.5 + (i % 12 == classes[i / 12] ? 1 : 0))).ToArray();
        using Tensor images = torch.tensor(pixels, [Count, 3, 2, 2]);                 // [N, 3, 2, 2]
        using Tensor labels = torch.tensor(classes.Select(c => (long)c).ToArray());   // [N]
        var history = new List<ClassifierTrainingEpoch>();
        var settings = new ClassifierTrainingSettings(epochs, BatchSize: 16, LearningRate: 0.05, Beta1: 0.9, Beta2: 0.999, LearningRateDecay: decay, Seed: 3);
        ClassifierTrainer.Fit(network, torch.CPU, images, labels, settings, (forward ?? (n => x => n.call(x)))(network), validate: null, history.Add);
        return (network, history);
    }

    [Fact]
    public void A_decay_of_zero_freezes_the_weights_after_the_first_epoch()
    {
        (var once, _) = Train(epochs: 1, decay: 0.0);
        (var thrice, List<ClassifierTrainingEpoch> history) = Train(epochs: 3, decay: 0.0);
        (var constant, _) = Train(epochs: 3, decay: 1.0);
        using (once)
        using (thrice)
        using (constant)
        {
            Dictionary<string, Tensor> after3 = thrice.state_dict();
            once.state_dict().Should().OnlyContain(kv => TinyModels.BitEqual(kv.Value, after3[kv.Key]), "learning rate 0 from epoch 2 on");
            constant.state_dict().Should().Contain(kv => !TinyModels.BitEqual(kv.Value, after3[kv.Key]), "without decay epochs 2 and 3 train");
            history.Select(e => e.Epoch).Should().Equal(1, 2, 3);
            history.Should().OnlyContain(e => e.ValidationAccuracy == null && e.Epochs == 3);
        }
    }

    [Fact]
    public void The_epoch_reports_the_mean_loss_per_image_and_per_batch()
    {
        // Every label is 0 and a batch of B images gets the logits (B, 0, 0) (plus 0 * the network, so Adam has
        // parameters): each batch's loss is log(1 + 2 exp(-B)), so the two means are known in closed form.
        static double Loss(int b) => (float)Math.Log(1 + (2 * Math.Exp(-b)));
        (var network, List<ClassifierTrainingEpoch> history) = Train(epochs: 2, decay: 1.0, allClassZero: true, forward: n => x =>
        {
            long b = x.shape[0];
            return (n.call(x) * 0) + torch.tensor(new float[] { b, 0, 0 }).expand(b, 3);        // [B, 3]
        });
        using (network)
        {
            double perImage = ((48 * Loss(16)) + (2 * Loss(2))) / Count;
            double perBatch = ((3 * Loss(16)) + Loss(2)) / 4;
            history.Should().HaveCount(2).And.OnlyContain(e =>
                Math.Abs(e.MeanLossPerImage - perImage) < 1e-6 && Math.Abs(e.MeanLossPerBatch - perBatch) < 1e-6 && e.TrainAccuracy == 1.0);
            perBatch.Should().BeGreaterThan(perImage + 0.01, "the short batch weighs 1/4 per batch but 2/50 per image");
        }
    }
}
