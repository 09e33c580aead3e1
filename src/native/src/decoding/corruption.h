// How the decoder names a failure. libav has no error codes for "cut short" or "corrupt": like the ffmpeg CLI wrapper
// on the C# side (FfmpegDiagnostics), the decoder reads the words libav logs. Both use the same phrases, the ones
// ffmpeg 5.x prints, so the in-process decoder and the ffmpeg child process fail the same inputs the same way:
// change both lists together.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "decoding/log_capture.h"

namespace gn::decoding {

// True when a log line says the input is cut short or damaged.
bool says_corrupt(std::string_view line);

// A log line without its "[mp3 @ 0x55d...]" prefix: the address means nothing to a reader.
std::string_view without_context(std::string_view line);

// Throws gn::decode_error for a failure to open or read the input: libav's error `code` and what it logged decide
// the GN_DECODE_* status, in the order the C# FfmpegDiagnostics.FromFailure applies to ffmpeg's stderr.
[[noreturn]] void throw_failure(int code, const LogCapture& log);

}  // namespace gn::decoding
