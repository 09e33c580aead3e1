using OrleansGenres.Bench;

// Benchmarks of the foundation: decoding, log-mel and the streamed decode → window → mel pipeline.
// Figures are x-realtime (seconds of audio per second of wall time) and peak RSS; see bench/README.md.
return await BenchRunner.RunAsync(args);
