using OrleansGenres.Ml.Evaluation;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Ml.Training;

namespace OrleansGenres.Ml.Experiments;

/// <summary>What a finished experiment left: the model card (as written to the model folder), the test report, the run's state.</summary>
public sealed record ExperimentOutcome(
    string ModelDirectory, ModelCard Card, EvaluationReport? TestReport, TrackPredictions? TestPredictions, TrainingState Training, ExperimentData Data);
