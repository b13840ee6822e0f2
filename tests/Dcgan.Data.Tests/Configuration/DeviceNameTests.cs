using Dcgan.Configuration;

namespace Dcgan.Data.Tests.Configuration;

public class DeviceNameTests
{
    [Theory]
    [InlineData("auto", DeviceKind.Auto, null, "auto")]
    [InlineData(" CPU ", DeviceKind.Cpu, null, "cpu")]
    [InlineData("cuda", DeviceKind.Cuda, null, "cuda")]
    [InlineData("Cuda:3", DeviceKind.Cuda, 3, "cuda:3")]
    public void Every_accepted_spelling_parses_to_its_kind_and_index(string text, DeviceKind kind, int? index, string canonical)
    {
        DeviceName name = DeviceName.Parse(text);

        name.Kind.Should().Be(kind);
        name.Index.Should().Be(index);
        name.ToString().Should().Be(canonical);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:+1")]
    [InlineData("cuda:x")]
    [InlineData("cuda:99999999999")]
    [InlineData("")]
    public void Anything_else_is_refused_naming_the_value(string text)
    {
        DeviceName.TryParse(text, out _).Should().BeFalse();
        Action parse = () => DeviceName.Parse(text);
        parse.Should().Throw<ArgumentException>().WithMessage($"Unknown device '{text}': expected \"auto\", \"cpu\", \"cuda\" or \"cuda:N\".*");
        DeviceName.CheckSpelling(text).Should().Contain($"'{text}'");
    }

    [Fact]
    public void The_attribute_reports_a_misspelt_device_with_the_member_name()
    {
        var context = new System.ComponentModel.DataAnnotations.ValidationContext(new object()) { MemberName = "Device" };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        System.ComponentModel.DataAnnotations.Validator.TryValidateValue("gpu", context, results, [new DeviceNameAttribute()]).Should().BeFalse();
        results.Should().ContainSingle().Which.MemberNames.Should().Equal("Device");
        System.ComponentModel.DataAnnotations.Validator.TryValidateValue("cuda:1", context, results, [new DeviceNameAttribute()]).Should().BeTrue();
    }
}
