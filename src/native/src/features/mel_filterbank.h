#pragma once

#include <torch/torch.h>

#include "genres_native.h"

namespace gn::features {

// Triangular mel filterbank [n_mels, n_fft/2 + 1] in float64, built the way librosa.filters.mel and
// torchaudio.functional.melscale_fbanks build it (they agree for the same scale and norm).
torch::Tensor build_mel_filterbank(int64_t sample_rate, int64_t n_fft, int64_t n_mels, double f_min,
                                   double f_max, int32_t mel_scale, int32_t filter_norm);

}  // namespace gn::features
