// SpecAugment (Park et al., 2019) frequency and time masks, applied to training batches only. Masked cells take
// each item's mean, so the mask is neutral whatever the feature scale (dB or normalised).
#pragma once

#include <torch/torch.h>

namespace gn::training {

struct SpecAugmentSettings {
  int64_t freq_masks = 0;
  int64_t freq_mask_width = 0;
  int64_t time_masks = 0;
  int64_t time_mask_width = 0;

  bool enabled() const { return (freq_masks > 0 && freq_mask_width > 0) || (time_masks > 0 && time_mask_width > 0); }
};

// inputs [batch, 1, n_mels, frames] (not modified); randomness from `generator` only, so runs are reproducible.
torch::Tensor spec_augment(const torch::Tensor& inputs, const SpecAugmentSettings& settings, at::Generator& generator);

}  // namespace gn::training
