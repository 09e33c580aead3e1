// libav reports problems (corrupt packets, a file cut short) only as log messages. libav's log callback is one per
// process, so it routes each message to the LogCapture of the decoder working on the calling thread (a thread-local
// pointer set by LogCaptureScope for the duration of each decoder call); messages logged elsewhere are dropped, and
// nothing is ever printed to stderr.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace gn::decoding {

// The warnings and errors libav logged for one decoder (level AV_LOG_WARNING and more severe, as the ffmpeg CLI
// prints them with `-loglevel warning`), as whole lines. Bounded: a corrupt hour-long file can log thousands.
class LogCapture {
 public:
  static constexpr std::size_t kMaxLines = 64;

  // Appends a piece of a message; a line is complete at its '\n'. Counts every line, keeps the first kMaxLines.
  void append(const char* text);
  // Adds a whole line written by the decoder itself (the messages the ffmpeg CLI prints about its own decode loop).
  void add_line(std::string line);

  const std::vector<std::string>& lines() const { return lines_; }
  // The last line logged ("" when none): libav's most specific words about a failure.
  const std::string& last_line() const { return last_line_; }
  // The first line that says the input is cut short or corrupt ("" when none).
  const std::string& first_corruption() const { return first_corruption_; }

  // av_log_format_line2's state: whether the next piece starts a new line (and gets its "[demuxer @ 0x..]" prefix).
  int print_prefix = 1;

 private:
  void complete_line();

  std::string partial_;
  std::vector<std::string> lines_;
  std::string last_line_;
  std::string first_corruption_;
};

// While alive, libav messages logged on this thread go to `capture`. Nests: the previous target is restored.
class LogCaptureScope {
 public:
  explicit LogCaptureScope(LogCapture& capture);
  ~LogCaptureScope();
  LogCaptureScope(const LogCaptureScope&) = delete;
  LogCaptureScope& operator=(const LogCaptureScope&) = delete;

 private:
  LogCapture* previous_;
};

}  // namespace gn::decoding
