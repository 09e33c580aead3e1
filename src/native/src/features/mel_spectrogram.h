#pragma once

#include <torch/torch.h>

#include "genres_native.h"

namespace gn::features {

// A configured log-mel front end: owns the analysis window and the filterbank, computes batches.
class MelSpectrogram {
 public:
  explicit MelSpectrogram(const gn_mel_options& options);

  const gn_mel_options& options() const { return options_; }
  const torch::Tensor& filterbank() const { return filterbank_; }
  int64_t frame_count(int64_t samples) const;

  // signals: [batch, samples] float32 -> output: [batch, n_mels, frames] float32 (preallocated by the caller).
  void compute(const torch::Tensor& signals, torch::Tensor& output) const;

 private:
  torch::Tensor pad(const torch::Tensor& signals) const;
  torch::Tensor mel_of_frames(const torch::Tensor& padded, int64_t first_frame, int64_t end_frame) const;
  void to_decibels(torch::Tensor& item) const;
  void normalize(torch::Tensor& item) const;

  gn_mel_options options_;
  torch::Tensor window_;      // float32 [win_length]
  torch::Tensor filterbank_;  // float32 [n_mels, n_fft/2 + 1]
};

}  // namespace gn::features
