// The tools write to the process-wide Console; their tests must not interleave.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
