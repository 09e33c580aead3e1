#include "features/mel_spectrogram.h"

#include <algorithm>
#include <cmath>

#include "common/errors.h"
#include "features/mel_filterbank.h"

namespace gn::features {
namespace {

gn_mel_options validated(gn_mel_options o) {
  require(o.sample_rate > 0, "sample_rate must be positive");
  require(o.n_fft >= 2, "n_fft must be at least 2");
  require(o.hop_length > 0, "hop_length must be positive");
  if (o.win_length == 0) o.win_length = o.n_fft;
  require(o.win_length > 0 && o.win_length <= o.n_fft, "win_length must be in 1..n_fft");
  require(o.n_mels > 0, "n_mels must be positive");
  if (o.f_max <= 0) o.f_max = o.sample_rate / 2.0;
  require(o.f_min >= 0 && o.f_min < o.f_max, "f_min must be >= 0 and below f_max");
  require(o.f_max <= o.sample_rate / 2.0 + 1e-9, "f_max must not exceed the Nyquist frequency");
  require(o.pad_mode == GN_PAD_CONSTANT || o.pad_mode == GN_PAD_REFLECT, "pad_mode must be constant or reflect");
  require(o.power == 1.0 || o.power == 2.0, "power must be 1 (magnitude) or 2 (power)");
  require(o.amin > 0, "amin must be positive");
  require(o.ref > 0, "ref must be positive");
  require(o.normalization >= GN_NORMALIZE_NONE && o.normalization <= GN_NORMALIZE_STANDARDIZE,
          "normalization must be none, min-max or standardize");
  return o;
}

}  // namespace

MelSpectrogram::MelSpectrogram(const gn_mel_options& options)
    : options_(validated(options)),
      window_(torch::hann_window(options_.win_length, torch::TensorOptions().dtype(torch::kFloat32))),
      filterbank_(build_mel_filterbank(options_.sample_rate, options_.n_fft, options_.n_mels, options_.f_min,
                                       options_.f_max, options_.mel_scale, options_.filter_norm)
                      .to(torch::kFloat32)) {}

int64_t MelSpectrogram::frame_count(int64_t samples) const {
  if (samples <= 0) return 0;
  const int64_t padded = options_.center ? samples + 2 * (options_.n_fft / 2) : samples;
  if (padded < options_.n_fft) return 0;
  return 1 + (padded - options_.n_fft) / options_.hop_length;
}

torch::Tensor MelSpectrogram::power_spectrogram(const torch::Tensor& signals) const {
  if (options_.center && options_.pad_mode == GN_PAD_REFLECT) {
    require(signals.size(1) > options_.n_fft / 2,
            "input is too short for reflect padding: it needs more than n_fft/2 samples");
  }
  const auto spectrum = torch::stft(signals, options_.n_fft, options_.hop_length, options_.win_length, window_,
                                    options_.center != 0, options_.pad_mode == GN_PAD_REFLECT ? "reflect" : "constant",
                                    /*normalized=*/false, /*onesided=*/true, /*return_complex=*/true);
  // |X|^2 from the real and imaginary parts (two element-wise kernels; a sum over a size-2 axis is far slower).
  const auto re = at::real(spectrum);
  const auto im = at::imag(spectrum);
  auto power = re * re + im * im;
  return options_.power == 1.0 ? power.sqrt_() : power;
}

torch::Tensor MelSpectrogram::to_decibels(const torch::Tensor& mel) const {
  const double multiplier = options_.power == 2.0 ? 10.0 : 20.0;
  auto db = mel.clamp_min(options_.amin).log10_().mul_(multiplier);
  db.sub_(multiplier * std::log10(std::max(options_.amin, options_.ref)));
  if (options_.top_db > 0) {
    // The floor is relative to each item's own maximum, as librosa.power_to_db does per call.
    const auto peak = std::get<0>(db.flatten(1).max(1)).view({-1, 1, 1});
    db = torch::max(db, peak - options_.top_db);
  }
  return db;
}

torch::Tensor MelSpectrogram::normalize(const torch::Tensor& features) const {
  constexpr double eps = 1e-8;
  const auto flat = features.flatten(1);
  switch (options_.normalization) {
    case GN_NORMALIZE_MIN_MAX: {
      const auto low = std::get<0>(flat.min(1)).view({-1, 1, 1});
      const auto high = std::get<0>(flat.max(1)).view({-1, 1, 1});
      return (features - low) / (high - low).clamp_min(eps);
    }
    case GN_NORMALIZE_STANDARDIZE: {
      const auto mean = flat.mean(1).view({-1, 1, 1});
      const auto std = flat.std(1, /*unbiased=*/false).view({-1, 1, 1});
      return (features - mean) / std.clamp_min(eps);
    }
    default:
      return features;
  }
}

torch::Tensor MelSpectrogram::log_mel(const torch::Tensor& signals) const {
  const auto power = power_spectrogram(signals);  // [batch, freqs, frames]
  auto mel = torch::matmul(filterbank_, power);     // [batch, n_mels, frames]
  if (options_.output_db) mel = to_decibels(mel);
  return normalize(mel);
}

void MelSpectrogram::compute(const torch::Tensor& signals, torch::Tensor& output) const {
  torch::NoGradGuard no_grad;
  require(signals.dim() == 2, "signals must be [batch, samples]");
  const int64_t frames = frame_count(signals.size(1));
  require(frames > 0, "input is shorter than one frame");
  // Work through the batch a few thousand frames at a time: intermediates stay a few MB (cache-friendly, and
  // below glibc's mmap threshold, so no fresh page faults per call) whatever the batch size.
  constexpr int64_t frames_per_chunk = 2048;
  const int64_t chunk = std::max<int64_t>(1, frames_per_chunk / frames);
  for (int64_t start = 0; start < signals.size(0); start += chunk) {
    const int64_t end = std::min(signals.size(0), start + chunk);
    output.slice(0, start, end).copy_(log_mel(signals.slice(0, start, end)));
  }
}

}  // namespace gn::features
