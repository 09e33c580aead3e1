// C ABI over gn::decoding::AudioDecoder: open, read into the caller's buffer, close.
#include <memory>

#include "common/errors.h"
#include "decoding/audio_decoder.h"

struct gn_decoder {
  gn_decoder(const char* path, const gn_decoder_options& options)
      : impl(path, options.sample_rate, options.fail_on_corruption != 0) {}
  gn::decoding::AudioDecoder impl;
};

extern "C" {

GN_API int32_t gn_decoder_open(const char* path, const gn_decoder_options* options, gn_decoder** out) {
  return gn::guard([&] {
    gn::require(path != nullptr && options != nullptr && out != nullptr, "path, options and out must not be null");
    *out = nullptr;
    gn::require(options->sample_rate >= 1000 && options->sample_rate <= 384000,
                "sample_rate must be between 1000 and 384000 Hz");
    *out = std::make_unique<gn_decoder>(path, *options).release();
  });
}

GN_API int32_t gn_decoder_read(gn_decoder* decoder, float* out, int64_t capacity, int64_t* written) {
  return gn::guard([&] {
    gn::require(decoder != nullptr && out != nullptr && written != nullptr, "decoder, out and written must not be null");
    gn::require(capacity > 0, "capacity must be positive");
    *written = 0;
    *written = decoder->impl.read(out, capacity);
  });
}

GN_API int32_t gn_decoder_declared_seconds(const gn_decoder* decoder, double* seconds) {
  return gn::guard([&] {
    gn::require(decoder != nullptr && seconds != nullptr, "decoder and seconds must not be null");
    *seconds = decoder->impl.declared_seconds();
  });
}

GN_API void gn_decoder_close(gn_decoder* decoder) { delete decoder; }
}
