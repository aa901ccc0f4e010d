#pragma once
// A draft as the style checks read it.

#include <cstddef>
#include <string_view>

#include "outreach/draft.hpp"

namespace outreach::lint_detail {

/// The draft as the style checks read it. `source` has draft.text's bytes (in --template mode
/// with each `{{…}}` blanked out, so that field names are not taken for words); `lowered` is
/// `source` lowered for phrase matching. Both keep draft.text's byte offsets.
struct DraftText {
  const Draft& draft;
  std::string_view source;
  std::string_view lowered;
  std::size_t subject_begin = 0, subject_end = 0;  ///< the subject value (empty when none)
  std::size_t body_begin = 0;                      ///< the body runs to the end
  bool template_mode = false;  ///< an unclosed `{{` is then template-syntax's finding
};

}  // namespace outreach::lint_detail
