#include "decoding/audio_decoder.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>

#include "common/errors.h"
#include "decoding/corruption.h"

namespace gn::decoding {
namespace {

// The end of the stream is flushed out of the resampler in pieces of this size, as the aresample filter does.
constexpr int kFlushChunk = 4096;

// Releases a packet's payload when the packet has been handled, whichever way.
class PacketUnref {
 public:
  explicit PacketUnref(AVPacket* packet) : packet_(packet) {}
  ~PacketUnref() { av_packet_unref(packet_); }
  PacketUnref(const PacketUnref&) = delete;
  PacketUnref& operator=(const PacketUnref&) = delete;

 private:
  AVPacket* packet_;
};

}  // namespace

AudioDecoder::AudioDecoder(const std::string& path, int32_t sample_rate, bool fail_on_corruption)
    : sample_rate_(sample_rate), fail_on_corruption_(fail_on_corruption) {
  LogCaptureScope scope(log_);
  open(path);
}

void AudioDecoder::open(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) throw_failure(AVERROR(errno), log_);
  if (S_ISREG(info.st_mode) && info.st_size == 0) throw decode_error(GN_DECODE_EMPTY, "the file is empty (0 bytes)");

  // "file:" pins a local path: a name like "http:..." or "a|b" would otherwise select another protocol.
  AVFormatContext* format = nullptr;
  int ret = avformat_open_input(&format, ("file:" + path).c_str(), nullptr, nullptr);
  if (ret < 0) throw_failure(ret, log_);
  format_.reset(format);

  ret = avformat_find_stream_info(format_.get(), nullptr);
  // As in the ffmpeg CLI: this is fatal only when no stream was found at all; otherwise decoding goes ahead.
  if (ret < 0 && format_->nb_streams == 0) {
    log_.add_line("could not find codec parameters (" + error_text(ret) + ")");
    throw_failure(AVERROR_INVALIDDATA, log_);
  }

  for (unsigned i = 0; i < format_->nb_streams; ++i) {
    AVStream* stream = format_->streams[i];
    if (stream_index_ < 0 && stream->codecpar->codec_type == AVMEDIA_TYPE_AUDIO) {
      stream_index_ = static_cast<int>(i);
    } else {
      stream->discard = AVDISCARD_ALL;  // the demuxer skips the packets of streams nobody decodes
    }
  }
  if (stream_index_ < 0) throw decode_error(GN_DECODE_NO_AUDIO_STREAM, "the input has no audio stream");

  const AVStream* stream = format_->streams[stream_index_];
  const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
  if (codec == nullptr) {
    throw decode_error(GN_DECODE_FAILED,
                       std::string("no decoder for the codec ") + avcodec_get_name(stream->codecpar->codec_id));
  }
  codec_.reset(avcodec_alloc_context3(codec));
  if (!codec_) throw std::bad_alloc();
  ret = avcodec_parameters_to_context(codec_.get(), stream->codecpar);
  if (ret < 0) throw_failure(ret, log_);
  codec_->pkt_timebase = stream->time_base;
  // One thread: the output is the same with more (only FLAC has frame threads), audio decodes in milliseconds, and
  // decoder threads would log where the thread-local routing of messages (log_capture.h) cannot see them.
  codec_->thread_count = 1;
  ret = avcodec_open2(codec_.get(), codec, nullptr);
  if (ret < 0) throw_failure(ret, log_);

  packet_.reset(av_packet_alloc());
  frame_.reset(av_frame_alloc());
  if (!packet_ || !frame_) throw std::bad_alloc();
}

int64_t AudioDecoder::read(float* out, int64_t capacity) {
  LogCaptureScope scope(log_);
  int64_t written = 0;
  while (written < capacity) {
    const std::size_t available = pending_.size() - pending_offset_;
    if (available == 0) {
      if (!advance()) break;
      continue;
    }
    const std::size_t take = std::min<std::size_t>(available, static_cast<std::size_t>(capacity - written));
    std::memcpy(out + written, pending_.data() + pending_offset_, take * sizeof(float));
    pending_offset_ += take;
    written += static_cast<int64_t>(take);
    if (pending_offset_ == pending_.size()) {
      pending_.clear();
      pending_offset_ = 0;
    }
  }
  samples_read_ += written;
  if (written == 0) finish();
  return written;
}

bool AudioDecoder::advance() {
  if (stage_ == Stage::Done) return false;
  const int ret = av_read_frame(format_.get(), packet_.get());
  if (ret == AVERROR(EAGAIN)) return true;
  if (ret < 0) {
    // The CLI treats a read error like the end of the input, and so does this decoder; unlike the CLI it also
    // counts it as damage (the phrase "Truncated"), since the rest of the input was never read.
    if (ret != AVERROR_EOF) log_.add_line("Truncated: reading stopped early (" + error_text(ret) + ")");
    decode(nullptr);
    flush_resampler();
    stage_ = Stage::Done;
    return true;
  }
  PacketUnref unref(packet_.get());
  if (packet_->stream_index != stream_index_) return true;
  // The demuxer marks packets it could read only in part; the ffmpeg CLI prints these words and decodes them anyway.
  if ((packet_->flags & AV_PKT_FLAG_CORRUPT) != 0) {
    log_.add_line("corrupt input packet in stream " + std::to_string(stream_index_));
  }
  decode(packet_.get());
  return true;
}

// The ffmpeg CLI's decode loop: send the packet (nullptr: drain), then take frames until the decoder wants more. A
// failure drops that packet, is logged in the CLI's words and counted, and decoding goes on.
void AudioDecoder::decode(const AVPacket* packet) {
  int ret = avcodec_send_packet(codec_.get(), packet);
  if (ret < 0 && ret != AVERROR_EOF) {
    decode_failed(ret);
    return;
  }
  while (true) {
    ret = avcodec_receive_frame(codec_.get(), frame_.get());
    if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) return;
    if (ret < 0) {
      decode_failed(ret);
      return;
    }
    ++frames_decoded_;
    try {
      resample(*frame_);
    } catch (...) {
      av_frame_unref(frame_.get());
      throw;
    }
    av_frame_unref(frame_.get());
  }
}

void AudioDecoder::decode_failed(int code) {
  ++decode_errors_;
  last_decode_error_ = code;
  log_.add_line("Error while decoding stream #0:" + std::to_string(stream_index_) + ": " + error_text(code));
}

void AudioDecoder::resample(const AVFrame& frame) {
  if (frame.nb_samples <= 0) return;
  if (!resampler_ || frame.format != resampler_format_ || frame.sample_rate != resampler_rate_ ||
      av_channel_layout_compare(&frame.ch_layout, &resampler_layout_.get()) != 0) {
    configure_resampler(frame);
  }
  // Room for everything this frame yields, so nothing waits inside the resampler but its filter's delay: the
  // aresample filter sizes its output the same way, and the samples come out the same.
  const int bound = swr_get_out_samples(resampler_.get(), frame.nb_samples);
  if (bound < 0) throw_failure(bound, log_);
  float* out = grow_pending(bound);
  auto* out_bytes = reinterpret_cast<uint8_t*>(out);
  const int produced = swr_convert(resampler_.get(), &out_bytes, bound,
                                   const_cast<const uint8_t**>(frame.extended_data), frame.nb_samples);
  pending_.resize(pending_.size() - static_cast<std::size_t>(bound) + static_cast<std::size_t>(std::max(produced, 0)));
  if (produced < 0) throw_failure(produced, log_);
}

// A resampler for the frame's format, rate and layout -> mono float at the requested rate, with libswresample's
// defaults (the aresample filter the CLI inserts passes none): its downmix matrix, filter and dither settings.
// When the input's parameters change mid-stream the CLI rebuilds its filter graph without flushing the old one, so
// the old resampler's last few buffered samples are dropped here too.
void AudioDecoder::configure_resampler(const AVFrame& frame) {
  ChannelLayout input;
  // An unordered layout (e.g. WAV without a channel mask) gets libav's default for that many channels, as the CLI
  // guesses it ("Guessed Channel Layout for Input Stream").
  if (frame.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC) {
    input.assign_default(frame.ch_layout.nb_channels);
  } else {
    input.assign(frame.ch_layout);
  }
  ChannelLayout mono;
  mono.assign_default(1);
  SwrContext* context = nullptr;
  int ret = swr_alloc_set_opts2(&context, mono.mutable_get(), AV_SAMPLE_FMT_FLT, sample_rate_, input.mutable_get(),
                                static_cast<AVSampleFormat>(frame.format), frame.sample_rate, 0, nullptr);
  ResamplerPtr resampler(context);
  if (ret < 0) throw_failure(ret, log_);
  ret = swr_init(resampler.get());
  if (ret < 0) throw_failure(ret, log_);
  resampler_ = std::move(resampler);
  resampler_format_ = frame.format;
  resampler_rate_ = frame.sample_rate;
  resampler_layout_.assign(frame.ch_layout);
}

// At the end: the resampler still holds the last samples (its filter's delay); a null input flushes them.
void AudioDecoder::flush_resampler() {
  if (!resampler_) return;
  while (true) {
    float* out = grow_pending(kFlushChunk);
    auto* out_bytes = reinterpret_cast<uint8_t*>(out);
    const int produced = swr_convert(resampler_.get(), &out_bytes, kFlushChunk, nullptr, 0);
    pending_.resize(pending_.size() - kFlushChunk + static_cast<std::size_t>(std::max(produced, 0)));
    if (produced <= 0) return;
  }
}

float* AudioDecoder::grow_pending(int samples) {
  if (pending_offset_ > 0 && pending_offset_ == pending_.size()) {
    pending_.clear();
    pending_offset_ = 0;
  }
  const std::size_t start = pending_.size();
  pending_.resize(start + static_cast<std::size_t>(samples));
  return pending_.data() + start;
}

void AudioDecoder::finish() const {
  // ffmpeg fails a run in which more than 2/3 of the decode calls failed (its -max_error_rate): little came out.
  if (decode_errors_ > 0 && decode_errors_ * 3 > (frames_decoded_ + decode_errors_) * 2) {
    throw_failure(last_decode_error_, log_);
  }
  if (fail_on_corruption_ && !log_.first_corruption().empty()) {
    throw decode_error(GN_DECODE_TRUNCATED,
                       "the audio is cut short or corrupt (" + std::string(without_context(log_.first_corruption())) + ")");
  }
  if (samples_read_ == 0) throw decode_error(GN_DECODE_EMPTY, "the input holds no audio samples");
}

double AudioDecoder::declared_seconds() const {
  const AVStream* stream = format_->streams[stream_index_];
  if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0) return static_cast<double>(stream->duration) * av_q2d(stream->time_base);
  if (format_->duration != AV_NOPTS_VALUE && format_->duration > 0) return static_cast<double>(format_->duration) / AV_TIME_BASE;
  return -1;
}

}  // namespace gn::decoding
