// Learning-rate schedules, stepped once per epoch: ReduceLROnPlateau on the validation loss (as PyTorch's, mode
// "min", relative threshold 1e-4, no cooldown) and cosine annealing to a floor. libtorch 1.13 has neither.
#pragma once

#include <torch/torch.h>

#include "genres_native.h"

namespace gn::training {

struct ScheduleSettings {
  int32_t kind = GN_SCHEDULE_NONE;
  double base_rate = 1e-3;
  double min_rate = 0.0;
  double plateau_factor = 0.5;
  int64_t plateau_patience = 2;
  int64_t epochs = 10;
};

class LearningRateSchedule {
 public:
  explicit LearningRateSchedule(const ScheduleSettings& settings);

  double rate() const { return rate_; }
  int64_t epochs_done() const { return epochs_done_; }
  // Called at the end of each epoch; returns the rate for the next one.
  double end_epoch(double validation_loss);

  void save(torch::serialize::OutputArchive& archive) const;
  void load(torch::serialize::InputArchive& archive);

 private:
  ScheduleSettings settings_;
  double rate_;
  int64_t epochs_done_ = 0;
  double best_loss_ = std::numeric_limits<double>::infinity();
  int64_t bad_epochs_ = 0;
};

}  // namespace gn::training
