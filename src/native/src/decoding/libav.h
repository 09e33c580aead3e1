// The libav (FFmpeg) headers this library uses, included once with C linkage, and RAII owners for the libav objects:
// every libav allocation in the decoder is owned by one of these, so no error path can leak one.
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
#include <libswresample/swresample.h>
}

#include <memory>
#include <new>
#include <string>

namespace gn::decoding {

struct FormatContextCloser {
  void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
struct CodecContextFreer {
  void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct ResamplerFreer {
  void operator()(SwrContext* context) const { swr_free(&context); }
};
struct FrameFreer {
  void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct PacketFreer {
  void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};

using FormatContextPtr = std::unique_ptr<AVFormatContext, FormatContextCloser>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextFreer>;
using ResamplerPtr = std::unique_ptr<SwrContext, ResamplerFreer>;
using FramePtr = std::unique_ptr<AVFrame, FrameFreer>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFreer>;

// An AVChannelLayout that frees what it owns (a custom layout allocates its channel map).
class ChannelLayout {
 public:
  ChannelLayout() = default;
  ~ChannelLayout() { av_channel_layout_uninit(&layout_); }
  ChannelLayout(const ChannelLayout&) = delete;
  ChannelLayout& operator=(const ChannelLayout&) = delete;

  void assign(const AVChannelLayout& other) {
    av_channel_layout_uninit(&layout_);
    if (av_channel_layout_copy(&layout_, &other) < 0) throw std::bad_alloc();
  }
  // libav's default layout for that many channels (mono, stereo, 5.1, ...).
  void assign_default(int channels) {
    av_channel_layout_uninit(&layout_);
    av_channel_layout_default(&layout_, channels);
  }
  const AVChannelLayout& get() const { return layout_; }
  // libswresample 4 takes layouts by non-const pointer although it only reads them.
  AVChannelLayout* mutable_get() { return &layout_; }

 private:
  AVChannelLayout layout_{};
};

// libav's text for an AVERROR code ("Invalid data found when processing input").
inline std::string error_text(int code) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, text, sizeof(text));
  return text;
}

}  // namespace gn::decoding
