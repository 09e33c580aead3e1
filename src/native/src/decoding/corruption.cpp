#include "decoding/corruption.h"

#include <array>
#include <cerrno>

#include "common/errors.h"
#include "decoding/libav.h"

namespace gn::decoding {
namespace {

// The first two are what the ffmpeg CLI prints about its own decode loop; this decoder logs the same words
// (AudioDecoder), so one list covers both.
constexpr std::array<std::string_view, 11> kCorruptionPhrases = {
    "corrupt input packet", "Packet corrupt", "filesize and duration do not match", "Truncated", "truncated",
    "Error while decoding", "invalid frame", "Invalid frame", "overread", "Header missing", "incomplete frame"};

constexpr std::array<std::string_view, 6> kInvalidDataPhrases = {
    "Invalid data found when processing input", "Invalid argument", "no 'data' tag found", "Failed to read frame size",
    "could not find codec parameters", "Could not find codec parameters"};

template <std::size_t N>
bool contains_any(std::string_view text, const std::array<std::string_view, N>& phrases) {
  for (const auto phrase : phrases) {
    if (text.find(phrase) != std::string_view::npos) return true;
  }
  return false;
}

bool logged(const LogCapture& log, std::string_view phrase) {
  for (const auto& line : log.lines()) {
    if (line.find(phrase) != std::string::npos) return true;
  }
  return false;
}

template <std::size_t N>
bool logged_any(const LogCapture& log, const std::array<std::string_view, N>& phrases) {
  for (const auto& line : log.lines()) {
    if (contains_any(line, phrases)) return true;
  }
  return false;
}

// libav's most specific words: its last log line, then the error code's text.
std::string detail(int code, const LogCapture& log) {
  std::string text = error_text(code);
  if (log.last_line().empty()) return text;
  return std::string(without_context(log.last_line())) + "; " + text;
}

}  // namespace

bool says_corrupt(std::string_view line) { return contains_any(line, kCorruptionPhrases); }

std::string_view without_context(std::string_view line) {
  if (!line.empty() && line.front() == '[') {
    const auto end = line.find(']');
    if (end != std::string_view::npos) line.remove_prefix(end + 1);
  }
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  return line;
}

void throw_failure(int code, const LogCapture& log) {
  // EACCES too: DecodeErrorKind.NotFound means "does not exist or cannot be read".
  if (code == AVERROR(ENOENT) || code == AVERROR(EACCES)) {
    throw decode_error(GN_DECODE_NOT_FOUND, code == AVERROR(ENOENT) ? "file not found" : "file cannot be read");
  }
  // The header was readable but the data ends before the first packet.
  if (code == AVERROR_EOF || logged(log, "End of file")) {
    throw decode_error(GN_DECODE_TRUNCATED, "the audio is cut short (" + detail(code, log) + ")");
  }
  if (code == AVERROR_INVALIDDATA || code == AVERROR(EINVAL) || logged_any(log, kInvalidDataPhrases)) {
    throw decode_error(GN_DECODE_INVALID_DATA, "not a readable audio file (" + detail(code, log) + ")");
  }
  throw decode_error(GN_DECODE_FAILED, "libav failed (" + detail(code, log) + ")");
}

}  // namespace gn::decoding
