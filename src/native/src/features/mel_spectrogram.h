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

  // signals: [batch, samples] float32 -> output: [batch, n_mels, frames] float32 (preallocated).
  void compute(const torch::Tensor& signals, torch::Tensor& output) const;

 private:
  torch::Tensor log_mel(const torch::Tensor& signals) const;
  torch::Tensor power_spectrogram(const torch::Tensor& signals) const;
  torch::Tensor to_decibels(const torch::Tensor& mel) const;
  torch::Tensor normalize(const torch::Tensor& features) const;

  gn_mel_options options_;
  torch::Tensor window_;      // float32 [win_length]
  torch::Tensor filterbank_;  // float32 [n_mels, n_fft/2 + 1]
};

}  // namespace gn::features
