#include "training/learning_rate_schedule.h"

#include <algorithm>
#include <cmath>

namespace gn::training {

LearningRateSchedule::LearningRateSchedule(const ScheduleSettings& settings)
    : settings_(settings), rate_(settings.base_rate) {}

double LearningRateSchedule::end_epoch(double validation_loss) {
  ++epochs_done_;
  if (settings_.kind == GN_SCHEDULE_PLATEAU) {
    if (validation_loss < best_loss_ * (1 - 1e-4)) {
      best_loss_ = validation_loss;
      bad_epochs_ = 0;
    } else if (++bad_epochs_ > settings_.plateau_patience) {
      rate_ = std::max(rate_ * settings_.plateau_factor, settings_.min_rate);
      bad_epochs_ = 0;
    }
  } else if (settings_.kind == GN_SCHEDULE_COSINE) {
    const double progress = std::min(1.0, static_cast<double>(epochs_done_) / std::max<int64_t>(1, settings_.epochs));
    rate_ = settings_.min_rate + (settings_.base_rate - settings_.min_rate) * (1 + std::cos(M_PI * progress)) / 2;
  }
  return rate_;
}

void LearningRateSchedule::save(torch::serialize::OutputArchive& archive) const {
  archive.write("schedule_state", torch::tensor({rate_, static_cast<double>(epochs_done_), best_loss_,
                                                 static_cast<double>(bad_epochs_)}, torch::kFloat64));
}

void LearningRateSchedule::load(torch::serialize::InputArchive& archive) {
  torch::Tensor state;
  archive.read("schedule_state", state);
  const auto values = state.accessor<double, 1>();
  rate_ = values[0];
  epochs_done_ = static_cast<int64_t>(values[1]);
  best_loss_ = values[2];
  bad_epochs_ = static_cast<int64_t>(values[3]);
}

}  // namespace gn::training
