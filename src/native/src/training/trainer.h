// One training run's moving parts around a model: loss, optimiser, schedule, SpecAugment, random generators,
// and checkpoints that hold all of them, so a resumed run continues exactly.
#pragma once

#include <memory>

#include "models/model_handle.h"
#include "training/learning_rate_schedule.h"
#include "training/losses.h"
#include "training/key_tempo_jitter.h"
#include "training/spec_augment.h"

namespace gn::training {

class Trainer {
 public:
  Trainer(gn_model& model, const gn_trainer_options& options);

  // What a training step feeds the network: key/tempo jitter, then SpecAugment masks (advances the augmentation
  // generator exactly as a step does).
  torch::Tensor augment(const torch::Tensor& inputs);
  double step(const torch::Tensor& inputs, const torch::Tensor& targets, torch::Tensor* logits);
  double evaluate(const torch::Tensor& inputs, const torch::Tensor& targets, torch::Tensor* logits);
  double end_epoch(double validation_loss);
  double learning_rate() const { return schedule_.rate(); }

  // Targets as the loss wants them, from the caller's floats: class indices or [batch, classes].
  torch::Tensor targets(const float* data, int64_t batch, int64_t count) const;

  void save(const std::string& path) const;
  void load(const std::string& path);

 private:
  void apply_learning_rate();

  gn_model& model_;
  gn_trainer_options options_;
  LossSettings loss_;
  KeyTempoJitterSettings jitter_;
  SpecAugmentSettings augment_;
  LearningRateSchedule schedule_;
  std::unique_ptr<torch::optim::Optimizer> optimizer_;
  at::Generator augment_generator_;
};

}  // namespace gn::training
