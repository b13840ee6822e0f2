// One device validator everywhere: on this CPU-only machine "gpu" (misspelt) and "cuda:7" (not present) fail when the
// trainer's options are validated, naming the value; "cpu" and "auto" pass.
using Dcgan.Native;
using Dcgan.Training;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace Dcgan.Core.Tests.Native;

public class DeviceSelectionTests
{
    [Theory]
    [InlineData("gpu", "Device = \"gpu\": Unknown device 'gpu'")]
    [InlineData("cuda:7", "Device = \"cuda:7\": Device 'cuda:7' was requested but CUDA is not available")]
    [InlineData("cuda", "Device = \"cuda\": Device 'cuda' was requested but CUDA is not available")]
    public void A_device_that_is_not_there_fails_trainer_options_validation_naming_it(string device, string expected)
    {
        torch.cuda.is_available().Should().BeFalse("these tests run on a CPU-only build");
        var options = new GanTrainerOptions { Device = device };

        Action validate = () => new GanTrainerOptionsValidator().ThrowIfInvalid(options);

        validate.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().StartWith(expected);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("auto")]
    [InlineData(" AUTO ")]
    public void Cpu_and_auto_pass_and_resolve_to_the_cpu(string device)
    {
        new GanTrainerOptionsValidator().Validate(null, new GanTrainerOptions { Device = device }).Succeeded.Should().BeTrue();
        DeviceSelection.Check(device).Should().BeNull();
        DeviceSelection.Resolve(device).type.Should().Be(DeviceType.CPU);
    }

    [Fact]
    public void Resolve_refuses_with_the_same_message_as_validation()
    {
        Action resolve = () => DeviceSelection.Resolve("cuda:7");

        resolve.Should().Throw<ArgumentException>().WithMessage(DeviceSelection.Check("cuda:7") + "*").And.ParamName.Should().Be("name");
    }
}
