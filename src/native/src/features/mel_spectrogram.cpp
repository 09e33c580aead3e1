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

torch::Tensor MelSpectrogram::pad(const torch::Tensor& signals) const {
  if (!options_.center) return signals;
  const int64_t half = options_.n_fft / 2;
  if (options_.pad_mode == GN_PAD_CONSTANT) return torch::constant_pad_nd(signals, {half, half});
  require(signals.size(1) > half, "input is too short for reflect padding: it needs more than n_fft/2 samples");
  return torch::reflection_pad1d(signals, {half, half});  // [batch, samples] is read as (channels, width)
}

// Mel power of frames [first_frame, end_frame) of already padded signals: [batch, n_mels, end - first].
torch::Tensor MelSpectrogram::mel_of_frames(const torch::Tensor& padded, int64_t first_frame, int64_t end_frame) const {
  const int64_t start = first_frame * options_.hop_length;
  const int64_t length = (end_frame - 1 - first_frame) * options_.hop_length + options_.n_fft;
  const auto spectrum = torch::stft(padded.narrow(1, start, length), options_.n_fft, options_.hop_length,
                                    options_.win_length, window_, /*center=*/false, "constant",
                                    /*normalized=*/false, /*onesided=*/true, /*return_complex=*/true);
  // |X|^2 from the real and imaginary parts (two element-wise kernels; a sum over a size-2 axis is far slower).
  const auto re = at::real(spectrum);
  const auto im = at::imag(spectrum);
  auto power = re * re + im * im;  // [batch, freqs, frames]
  if (options_.power == 1.0) power.sqrt_();
  return torch::matmul(filterbank_, power);
}

// In place on one item [n_mels, frames]: no allocation beyond scalars.
void MelSpectrogram::to_decibels(torch::Tensor& item) const {
  const double multiplier = options_.power == 2.0 ? 10.0 : 20.0;
  item.clamp_min_(options_.amin).log10_().mul_(multiplier);
  item.sub_(multiplier * std::log10(std::max(options_.amin, options_.ref)));
  if (options_.top_db > 0) {
    // The floor is relative to the item's own maximum, as librosa.power_to_db does per call.
    item.clamp_min_(item.max().item<double>() - options_.top_db);
  }
}

void MelSpectrogram::normalize(torch::Tensor& item) const {
  constexpr double eps = 1e-8;
  if (options_.normalization == GN_NORMALIZE_MIN_MAX) {
    const double low = item.min().item<double>();
    const double high = item.max().item<double>();
    item.sub_(low).div_(std::max(high - low, eps));
  } else if (options_.normalization == GN_NORMALIZE_STANDARDIZE) {
    const double mean = item.mean().item<double>();
    const double std = item.std(/*unbiased=*/false).item<double>();
    item.sub_(mean).div_(std::max(std, eps));
  }
}

void MelSpectrogram::compute(const torch::Tensor& signals, torch::Tensor& output) const {
  torch::NoGradGuard no_grad;
  require(signals.dim() == 2, "signals must be [batch, samples]");
  const int64_t batch = signals.size(0);
  const int64_t frames = frame_count(signals.size(1));
  require(frames > 0, "input is shorter than one frame");

  // A few hundred frames at a time, across items for short windows or along one long signal: intermediates stay
  // a few MB whatever the input (bounded memory, warm caches, no page faults from fresh large allocations).
  constexpr int64_t frames_per_chunk = 512;
  const int64_t items_per_chunk = std::max<int64_t>(1, frames_per_chunk / frames);
  for (int64_t first_item = 0; first_item < batch; first_item += items_per_chunk) {
    const int64_t items = std::min(items_per_chunk, batch - first_item);
    const auto padded = pad(signals.narrow(0, first_item, items));
    for (int64_t first_frame = 0; first_frame < frames; first_frame += frames_per_chunk) {
      const int64_t end_frame = std::min(frames, first_frame + frames_per_chunk);
      output.narrow(0, first_item, items)
          .narrow(2, first_frame, end_frame - first_frame)
          .copy_(mel_of_frames(padded, first_frame, end_frame));
    }
  }

  for (int64_t i = 0; i < batch; ++i) {
    auto item = output[i];
    if (options_.output_db) to_decibels(item);
    normalize(item);
  }
}

}  // namespace gn::features
