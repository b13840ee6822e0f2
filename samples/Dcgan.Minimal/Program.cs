// Dcgan.Minimal: the smallest complete use of the library. Trains a DCGAN for 312 steps (4 epochs of the 10,000
// Fashion-MNIST test images shipped next to the program) and writes an 8x8 grid of samples.
//   dotnet run --project samples/Dcgan.Minimal [-- samples.png]
// For a quick check (the docs tests), DCGAN_MINIMAL_DATA names another IDX images file and DCGAN_MINIMAL_EPOCHS
// another epoch count.
using Dcgan.Data;
using Dcgan.Imaging;
using Dcgan.Models;
using Dcgan.Training;

string output = Path.GetFullPath(args.Length > 0 ? args[0] : "minimal-samples.png");
string data = Environment.GetEnvironmentVariable("DCGAN_MINIMAL_DATA")
    ?? Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist", "t10k-images-idx3-ubyte.gz");
int epochs = int.TryParse(Environment.GetEnvironmentVariable("DCGAN_MINIMAL_EPOCHS"), out int e) ? e : 4;
using IImageDataSource images = IdxImageDataSource.Open(data);               // 10,000 images, 1x28x28, scaled to [-1, 1]

DcganModelOptions architecture = DcganModelOptions.Paper(imageSize: 28, channels: 1);
architecture.GeneratorWidth = 32;                                        // a quarter of the paper's 128: a quicker demo
architecture.DiscriminatorWidth = 32;
(DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(architecture, seed: 1);
using (generator)
using (discriminator)
{
    var options = new GanTrainerOptions { Epochs = epochs, BatchSize = 128, Seed = 1 }; // Adam 2e-4, beta1 0.5: the paper's
    using var trainer = new GanTrainer(generator, discriminator, images, new GanTrainerSetup { Options = options });
    var progress = new Progress<TrainingProgress>(p =>
    {
        if (p.Position.GlobalStep % 50 == 0)
        {
            Console.WriteLine($"step {p.Position.GlobalStep}: loss D {p.Losses.DiscriminatorLoss:F3}, G {p.Losses.GeneratorLoss:F3}, {p.ImagesPerSecond:F0} images/s");
        }
    });
    TrainingResult result = trainer.Fit(progress: progress);

    ImageBatch samples = trainer.GenerateFixedSamples(BatchNormMode.RunningStatistics); // 64 managed images
    ImageGrid.SavePng(samples, output);
    Console.WriteLine($"{result.StepsTrained} steps in {result.Elapsed.TotalSeconds:F0} s; samples written to {output}");
}
