#include "training/key_tempo_jitter.h"

#include <cmath>

namespace gn::training {
namespace {

torch::Tensor shift_bands(const torch::Tensor& inputs, int64_t max_bins, at::Generator& generator) {
  const int64_t batch = inputs.size(0), mels = inputs.size(2), frames = inputs.size(3);
  const auto shifts = torch::randint(-max_bins, max_bins + 1, {batch, 1}, generator, torch::kLong);
  // output band m reads band m - shift: content moves up for a positive shift
  const auto source = (torch::arange(mels, torch::kLong).unsqueeze(0) - shifts).clamp(0, mels - 1);
  const auto index = source.view({batch, 1, mels, 1}).expand({batch, 1, mels, frames}).to(inputs.device());
  return inputs.gather(2, index);
}

torch::Tensor stretch_time(const torch::Tensor& inputs, double max_stretch, at::Generator& generator) {
  const int64_t batch = inputs.size(0), mels = inputs.size(2), frames = inputs.size(3);
  const double limit = std::log1p(max_stretch);
  const auto f64 = torch::TensorOptions().dtype(torch::kFloat64);
  const auto rate = ((torch::rand({batch, 1}, generator, torch::kFloat64) * 2 - 1) * limit).exp();
  const auto span = rate * static_cast<double>(frames);  // source frames one window covers
  // slower (span < frames): a random stretch of the window; faster: any start, wrapping round
  const auto room = torch::where(span < frames, frames - span, torch::full_like(span, static_cast<double>(frames)));
  const auto offset = torch::rand({batch, 1}, generator, torch::kFloat64) * room;
  const auto position = torch::fmod(offset + torch::arange(frames, f64).unsqueeze(0) * rate, static_cast<double>(frames));
  const auto lower = position.floor().to(torch::kLong);
  const auto upper = torch::where(span < frames, (lower + 1).clamp_max(frames - 1), (lower + 1) % frames);
  const auto weight = (position - lower.to(torch::kFloat64)).to(inputs.scalar_type()).view({batch, 1, 1, frames}).to(inputs.device());
  const auto gather = [&](const torch::Tensor& index) {
    return inputs.gather(3, index.view({batch, 1, 1, frames}).expand({batch, 1, mels, frames}).to(inputs.device()));
  };
  return torch::lerp(gather(lower), gather(upper), weight);
}

}  // namespace

torch::Tensor key_tempo_jitter(const torch::Tensor& inputs, const KeyTempoJitterSettings& settings,
                               at::Generator& generator) {
  auto output = inputs;
  if (settings.max_shift_bins > 0) output = shift_bands(output, settings.max_shift_bins, generator);
  if (settings.max_stretch > 0) output = stretch_time(output, settings.max_stretch, generator);
  return output;
}

}  // namespace gn::training
