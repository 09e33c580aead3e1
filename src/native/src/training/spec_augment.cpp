#include "training/spec_augment.h"

namespace gn::training {
namespace {

// A [batch, length] boolean mask with `count` random bands of width 0..max_width per item.
torch::Tensor band_mask(int64_t batch, int64_t length, int64_t count, int64_t max_width, at::Generator& generator) {
  auto mask = torch::zeros({batch, length}, torch::kBool);
  if (count <= 0 || max_width <= 0) return mask;
  const auto positions = torch::arange(length).unsqueeze(0);  // [1, length]
  for (int64_t i = 0; i < count; ++i) {
    const auto widths = torch::randint(0, max_width + 1, {batch, 1}, generator, torch::kLong);
    const auto starts = (torch::rand({batch, 1}, generator, torch::kFloat64) * (length - widths + 1).to(torch::kFloat64)).floor().to(torch::kLong);
    mask |= (positions >= starts) & (positions < starts + widths);
  }
  return mask;
}

}  // namespace

torch::Tensor spec_augment(const torch::Tensor& inputs, const SpecAugmentSettings& settings, at::Generator& generator) {
  if (!settings.enabled()) return inputs;
  const int64_t batch = inputs.size(0), mels = inputs.size(2), frames = inputs.size(3);
  const auto freq = band_mask(batch, mels, settings.freq_masks, settings.freq_mask_width, generator).view({batch, 1, mels, 1});
  const auto time = band_mask(batch, frames, settings.time_masks, settings.time_mask_width, generator).view({batch, 1, 1, frames});
  const auto masked = (freq | time).to(inputs.device());
  const auto fill = inputs.mean({1, 2, 3}, /*keepdim=*/true);
  return torch::where(masked, fill.expand_as(inputs), inputs);
}

}  // namespace gn::training
