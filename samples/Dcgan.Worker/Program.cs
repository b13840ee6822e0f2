// Dcgan.Worker: a Generic Host worker that trains a DCGAN from appsettings.json (section "Dcgan:Training").
//   dotnet run --project samples/Dcgan.Worker
// Ctrl+C or SIGTERM stops after the current step and writes a checkpoint; running it again resumes exactly there.
// Any setting can be overridden on the command line, e.g. --Dcgan:Training:Trainer:Epochs=10.
using Dcgan.Hosting;

HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Services.AddDcgan(builder.Configuration.GetSection("Dcgan")).AddHostedTraining();
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromMinutes(1)); // one step plus a checkpoint
builder.Build().Run();
