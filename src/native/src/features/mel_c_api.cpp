// C ABI over gn::features::MelSpectrogram.
#include <cstring>
#include <memory>

#include "common/errors.h"
#include "features/mel_spectrogram.h"

struct gn_mel {
  explicit gn_mel(const gn_mel_options& options) : impl(options) {}
  gn::features::MelSpectrogram impl;
};

extern "C" {

GN_API int32_t gn_mel_create(const gn_mel_options* options, gn_mel** out) {
  return gn::guard([&] {
    gn::require(options != nullptr && out != nullptr, "options and out must not be null");
    *out = nullptr;
    *out = std::make_unique<gn_mel>(*options).release();
  });
}

GN_API void gn_mel_destroy(gn_mel* mel) { delete mel; }

GN_API int32_t gn_mel_frame_count(const gn_mel* mel, int64_t samples, int64_t* frames) {
  return gn::guard([&] {
    gn::require(mel != nullptr && frames != nullptr, "mel and frames must not be null");
    *frames = mel->impl.frame_count(samples);
  });
}

GN_API int32_t gn_mel_filterbank(const gn_mel* mel, float* out, int64_t capacity) {
  return gn::guard([&] {
    gn::require(mel != nullptr && out != nullptr, "mel and out must not be null");
    const auto& fb = mel->impl.filterbank();
    if (capacity < fb.numel()) throw gn::buffer_too_small("filterbank buffer is too small");
    std::memcpy(out, fb.data_ptr<float>(), sizeof(float) * static_cast<size_t>(fb.numel()));
  });
}

GN_API int32_t gn_mel_compute(const gn_mel* mel, const float* signals, int64_t batch, int64_t samples, float* out,
                              int64_t capacity) {
  return gn::guard([&] {
    gn::require(mel != nullptr && signals != nullptr && out != nullptr, "mel, signals and out must not be null");
    gn::require(batch > 0 && samples > 0, "batch and samples must be positive");
    const int64_t frames = mel->impl.frame_count(samples);
    gn::require(frames > 0, "input is shorter than one frame");
    const int64_t needed = batch * mel->impl.options().n_mels * frames;
    if (capacity < needed) throw gn::buffer_too_small("output buffer is too small for [batch, n_mels, frames]");
    // Borrow the caller's memory for the duration of the call: no copy in, one contiguous copy out.
    const auto input = torch::from_blob(const_cast<float*>(signals), {batch, samples}, torch::kFloat32);
    auto output = torch::from_blob(out, {batch, mel->impl.options().n_mels, frames}, torch::kFloat32);
    mel->impl.compute(input, output);
  });
}
}
