// A host app on the Dcgan.Core and Dcgan.Data packages only: trains a few steps on an IDX file, checkpoints,
// reloads the generator from the checkpoint and writes a sample grid. Arguments: IDX images file, output folder.
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Imaging;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training.Callbacks;
using Dcgan.Training;

string images = args[0], output = args[1];
IImageDataSource data = ImageDataSources.Open(images);
var architecture = DcganModelOptions.Paper(imageSize: 28, channels: 1);
architecture.GeneratorWidth = 16;
architecture.DiscriminatorWidth = 16;
var (generator, discriminator) = DcganModels.Create(architecture, seed: 1);
var setup = new GanTrainerSetup
{
    Options = new GanTrainerOptions { Epochs = 1, BatchSize = 64, Seed = 1 },
    Callbacks = [new CheckpointCallback(output)],
};
using (var trainer = new GanTrainer(generator, discriminator, data, setup))
{
    using var cancel = new CancellationTokenSource();
    TrainingResult result = trainer.Fit(cancel.Token, new Progress<TrainingProgress>(p =>
    {
        if (p.Position.GlobalStep >= 20)
        {
            cancel.Cancel(); // a short run: 20 steps
        }
    }));
    Console.WriteLine($"trained {result.StepsTrained} steps ({result.Outcome})");
    trainer.SaveCheckpoint(Path.Combine(output, "final.dcgan"));
}

(DcganGenerator loaded, CheckpointInfo manifest) = CheckpointModels.LoadGenerator<DcganGenerator>(Path.Combine(output, "final.dcgan"));
using (loaded)
{
    float[][] rows = LatentSeeds.ForSeed(loaded, seed: 7, count: 16);
    ImageBatch samples = loaded.Render(rows, BatchNormMode.RunningStatistics); // managed images, no tensors
    ImageGrid.SavePng(samples, Path.Combine(output, "samples.png"));
    Console.WriteLine($"step {manifest.GlobalStep}: wrote {samples.Count} samples of {samples.Shape} to {Path.Combine(output, "samples.png")}");
}
