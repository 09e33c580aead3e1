// Hz <-> mel conversions. Two strategies, as librosa and torchaudio name them:
//  - HTK: 2595 * log10(1 + f / 700)
//  - Slaney (Auditory Toolbox, librosa's default): linear below 1 kHz, logarithmic above.
#pragma once

#include <cmath>

namespace gn::features {

struct HtkMelScale {
  static double hz_to_mel(double hz) { return 2595.0 * std::log10(1.0 + hz / 700.0); }
  static double mel_to_hz(double mel) { return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0); }
};

struct SlaneyMelScale {
  static constexpr double f_sp = 200.0 / 3.0;
  static constexpr double min_log_hz = 1000.0;
  static constexpr double min_log_mel = min_log_hz / f_sp;
  static double log_step() { return std::log(6.4) / 27.0; }

  static double hz_to_mel(double hz) {
    return hz >= min_log_hz ? min_log_mel + std::log(hz / min_log_hz) / log_step() : hz / f_sp;
  }
  static double mel_to_hz(double mel) {
    return mel >= min_log_mel ? min_log_hz * std::exp(log_step() * (mel - min_log_mel)) : f_sp * mel;
  }
};

}  // namespace gn::features
