// Decodes the first audio stream of a file to mono float32 at a requested rate, producing what
// `ffmpeg -i file -map 0:a:0 -ac 1 -ar RATE -f f32le -` writes: the same demuxer, decoder and trimming (libavcodec
// drops the encoder delay and padding that the demuxer marks as skip samples), and one libswresample context with
// its defaults -- the ffmpeg CLI's auto-inserted aresample filter -- doing format conversion, downmix and resampling
// in one pass, flushed at the end. Corruption is judged the way the CLI wrapper judges ffmpeg's stderr.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "decoding/libav.h"
#include "decoding/log_capture.h"

namespace gn::decoding {

class AudioDecoder {
 public:
  // Opens and probes the input; throws gn::decode_error when it cannot be decoded at all.
  AudioDecoder(const std::string& path, int32_t sample_rate, bool fail_on_corruption);

  // Writes up to `capacity` samples to `out` and returns how many; 0 at the end. At the end of an input that was cut
  // short or corrupt (when failing on corruption), failed to decode, or held no samples, throws gn::decode_error
  // instead -- again on every later call.
  int64_t read(float* out, int64_t capacity);

  // The duration the container declares for the audio stream (or for the whole input), in seconds; negative when it
  // declares none. Only a claim: headers can lie, so callers that limit durations count decoded samples too.
  double declared_seconds() const;

 private:
  enum class Stage { Reading, Done };

  void open(const std::string& path);
  // Decodes the next packet (or, at the end, drains the decoder and the resampler) into pending_; false once done.
  bool advance();
  void decode(const AVPacket* packet);
  void decode_failed(int code);
  void resample(const AVFrame& frame);
  void configure_resampler(const AVFrame& frame);
  void flush_resampler();
  float* grow_pending(int samples);
  // The verdict at the end: returns when the input decoded cleanly, else throws gn::decode_error.
  void finish() const;

  LogCapture log_;  // first: it collects what libav logs while the members below are created and destroyed
  int32_t sample_rate_;
  bool fail_on_corruption_;
  FormatContextPtr format_;
  CodecContextPtr codec_;
  PacketPtr packet_;
  FramePtr frame_;
  int stream_index_ = -1;

  ResamplerPtr resampler_;
  // The input parameters resampler_ was made for: a frame with others rebuilds it.
  int resampler_format_ = -1;
  int resampler_rate_ = 0;
  ChannelLayout resampler_layout_;

  // Converted samples not yet read; a decoded packet's worth at most.
  std::vector<float> pending_;
  std::size_t pending_offset_ = 0;

  Stage stage_ = Stage::Reading;
  int64_t frames_decoded_ = 0;
  int64_t decode_errors_ = 0;
  int last_decode_error_ = 0;
  int64_t samples_read_ = 0;
};

}  // namespace gn::decoding
