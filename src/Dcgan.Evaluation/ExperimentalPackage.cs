// Dcgan.Evaluation is experimental until its surface settles (issue 22): the paper's research tools change with the
// experiments, so every use of one of its types reports DCGAN001 (an error by default). A project that uses the package
// on purpose opts in with <NoWarn>$(NoWarn);DCGAN001</NoWarn>; docs/evaluation.md#experimental says what that promises.
// Assembly level, so it covers exactly the package's types, today's and those added later; the other Dcgan packages
// stay stable.
using System.Diagnostics.CodeAnalysis;

[assembly: Experimental("DCGAN001", UrlFormat = "https://github.com/dcgan-dotnet/dcgan/blob/main/docs/evaluation.md#experimental")]
