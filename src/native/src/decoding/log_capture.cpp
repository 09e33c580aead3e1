#include "decoding/log_capture.h"

#include <cstdarg>
#include <mutex>

#include "decoding/corruption.h"
#include "decoding/libav.h"

namespace gn::decoding {
namespace {

// The decoder working on this thread, if any (see the header).
thread_local LogCapture* current_capture = nullptr;

void route_message(void* context, int level, const char* format, va_list arguments) {
  LogCapture* capture = current_capture;
  // Verbose and debug messages are the bulk of libav's logging and say nothing about the input's health.
  if (capture == nullptr || level > AV_LOG_WARNING) return;
  char line[1024];
  av_log_format_line2(context, level, format, arguments, line, sizeof(line), &capture->print_prefix);
  try {
    capture->append(line);
  } catch (...) {
    // A C callback must not throw; a message lost to memory exhaustion is the least of the problems then.
  }
}

// The callback is process-wide; installing it once is enough, and it replaces libav's default printing to stderr.
void install_router() {
  static std::once_flag installed;
  std::call_once(installed, [] { av_log_set_callback(route_message); });
}

}  // namespace

void LogCapture::append(const char* text) {
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p == '\n') {
      complete_line();
    } else {
      partial_.push_back(*p);
    }
  }
}

void LogCapture::add_line(std::string line) {
  if (!partial_.empty()) complete_line();
  partial_ = std::move(line);
  complete_line();
}

void LogCapture::complete_line() {
  std::string line = std::move(partial_);
  partial_.clear();
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  if (line.empty()) return;
  if (first_corruption_.empty() && says_corrupt(line)) first_corruption_ = line;
  if (lines_.size() < kMaxLines) lines_.push_back(line);
  last_line_ = std::move(line);
}

LogCaptureScope::LogCaptureScope(LogCapture& capture) : previous_(current_capture) {
  install_router();
  current_capture = &capture;
}

LogCaptureScope::~LogCaptureScope() { current_capture = previous_; }

}  // namespace gn::decoding
