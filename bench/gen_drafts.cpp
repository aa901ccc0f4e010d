// Generates message drafts for the benchmark: InMails, connection notes and messages of varied
// length, some clean and some tripping rules, one file each, from a seed.
//
//   gen_drafts COUNT SEED DIR
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

namespace {

const char* const subjects[] = {"Your talk at SaaStr on GTM",
                                "Quick question",
                                "Idea for {{company}}",
                                "Sarah Chen suggested I reach out",
                                "URGENT: read this!!!",
                                "Request for a meeting regarding potential synergies",
                                "Your article on account-based selling"};
const char* const openers[] = {
    "Been following your posts on scaling SDR teams.", "I hope this finds you well.",
    "My name is Alex and I run sales at Acme.", "Loved your keynote on pricing last week.",
    "Your team's growth this year is impressive."};
const char* const middles[] = {
    "We help companies like yours book 40% more meetings through better targeting.",
    "Thought it might be relevant given your hiring plans for the platform team.",
    "Our customers cut onboarding time in half within a quarter.",
    "We are building analytics for revenue teams that want fewer dashboards and more answers.",
    "I noticed [Company] is expanding into Europe next year."};
const char* const closers[] = {"Worth a 15-min chat this week?", "Open to comparing notes?",
                               "Thanks for reading.", "Let me know if that's useful.",
                               "Best regards."};

template <std::size_t N>
const char* pick(std::mt19937_64& rng, const char* const (&list)[N]) {
  return list[rng() % N];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: gen_drafts COUNT SEED DIR\n");
    return 2;
  }
  const long count = std::strtol(argv[1], nullptr, 10);
  std::mt19937_64 rng(std::strtoull(argv[2], nullptr, 10));
  for (long i = 0; i < count; ++i) {
    std::string text;
    const auto kind = rng() % 3;  // 0 InMail, 1 connection note, 2 message
    if (kind == 0) text += std::string("Subject: ") + pick(rng, subjects) + "\n\n";
    if (kind == 1) text += "Channel: connect\n\n";
    text += std::string("Hi Dana,\n\n") + pick(rng, openers) + ' ';
    const auto paragraphs = kind == 1 ? 1 : 1 + rng() % 8;
    for (unsigned long p = 0; p < paragraphs; ++p) text += std::string(pick(rng, middles)) + ' ';
    text += std::string("\n\n") + pick(rng, closers) + "\n";
    const std::string path = std::string(argv[3]) + "/draft-" + std::to_string(i) + ".txt";
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) {
      std::perror(path.c_str());
      return 1;
    }
    std::fwrite(text.data(), 1, text.size(), file);
    std::fclose(file);
  }
  return 0;
}
