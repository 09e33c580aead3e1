#include "features/mel_filterbank.h"

#include <algorithm>
#include <vector>

#include "common/errors.h"
#include "features/mel_scale.h"

namespace gn::features {
namespace {

template <typename Scale>
std::vector<double> mel_band_edges_hz(int64_t n_mels, double f_min, double f_max) {
  const double mel_min = Scale::hz_to_mel(f_min);
  const double mel_max = Scale::hz_to_mel(f_max);
  std::vector<double> edges(static_cast<size_t>(n_mels + 2));
  for (size_t i = 0; i < edges.size(); ++i) {
    const double mel = mel_min + (mel_max - mel_min) * static_cast<double>(i) / static_cast<double>(n_mels + 1);
    edges[i] = Scale::mel_to_hz(mel);
  }
  return edges;
}

}  // namespace

torch::Tensor build_mel_filterbank(int64_t sample_rate, int64_t n_fft, int64_t n_mels, double f_min,
                                   double f_max, int32_t mel_scale, int32_t filter_norm) {
  require(mel_scale == GN_MEL_SCALE_SLANEY || mel_scale == GN_MEL_SCALE_HTK, "mel_scale must be slaney or htk");
  require(filter_norm == GN_FILTER_NORM_NONE || filter_norm == GN_FILTER_NORM_SLANEY,
          "filter_norm must be none or slaney");
  const auto edges = mel_scale == GN_MEL_SCALE_HTK ? mel_band_edges_hz<HtkMelScale>(n_mels, f_min, f_max)
                                                   : mel_band_edges_hz<SlaneyMelScale>(n_mels, f_min, f_max);
  const int64_t n_freqs = n_fft / 2 + 1;
  auto weights = torch::zeros({n_mels, n_freqs}, torch::kFloat64);
  auto w = weights.accessor<double, 2>();
  for (int64_t m = 0; m < n_mels; ++m) {
    const double lower_width = edges[m + 1] - edges[m];
    const double upper_width = edges[m + 2] - edges[m + 1];
    for (int64_t k = 0; k < n_freqs; ++k) {
      // FFT bin centre frequencies: linspace(0, sr/2, n_freqs).
      const double hz = static_cast<double>(sample_rate) / 2.0 * static_cast<double>(k) / static_cast<double>(n_freqs - 1);
      const double rising = (hz - edges[m]) / lower_width;
      const double falling = (edges[m + 2] - hz) / upper_width;
      w[m][k] = std::max(0.0, std::min(rising, falling));
    }
    if (filter_norm == GN_FILTER_NORM_SLANEY) {
      // Slaney-style area normalisation: each triangle has constant energy per Hz.
      const double enorm = 2.0 / (edges[m + 2] - edges[m]);
      for (int64_t k = 0; k < n_freqs; ++k) w[m][k] *= enorm;
    }
  }
  return weights;
}

}  // namespace gn::features
