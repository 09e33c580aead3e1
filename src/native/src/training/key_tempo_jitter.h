// Key and tempo jitter for music: a song's genre does not change when it is transposed a little or played a little
// faster or slower, so training windows are shifted along the mel axis (≈ transposition; edge bands repeated) and
// stretched along time (linear interpolation; a faster window wraps round its own start, as music repeats).
// Applied to training batches only, before the SpecAugment masks.
#pragma once

#include <torch/torch.h>

namespace gn::training {

struct KeyTempoJitterSettings {
  int64_t max_shift_bins = 0;  // each item moves by a whole number of mel bands in [-max, max]
  double max_stretch = 0;      // each item's rate r: log r uniform in [-log(1 + max), log(1 + max)]

  bool enabled() const { return max_shift_bins > 0 || max_stretch > 0; }
};

// inputs [batch, 1, n_mels, frames] (not modified); randomness from `generator` only, so runs are reproducible,
// and none is drawn when the settings are off (earlier runs replay unchanged).
torch::Tensor key_tempo_jitter(const torch::Tensor& inputs, const KeyTempoJitterSettings& settings,
                               at::Generator& generator);

}  // namespace gn::training
