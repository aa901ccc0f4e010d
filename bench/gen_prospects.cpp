// Generates realistic prospects for the benchmark, from a seed, in one of three shapes of CRM
// export (issue 19):
//   long   every SPEC §4 field plus the free-text columns a CRM export carries, long ASCII
//          notes (about 1 KB a prospect) — the string elision's best case;
//   short  short fields, some non-ASCII first names (Zoë, Chloé), a short note (about 270 B);
//   utf8   names, companies and notes in Cyrillic, Greek and CJK (about 600 B).
//
//   gen_prospects COUNT SEED json|ndjson [long|short|utf8] > prospects.json
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

namespace {

const char* const first_names[] = {"Ava",   "Ben",   "Chloe", "Dev",    "Elena", "Farid",
                                   "Grace", "Hiro",  "Ines",  "Jonas",  "Kavya", "Liam",
                                   "Maya",  "Noah",  "Olga",  "Priya",  "Quinn", "Rafael",
                                   "Sara",  "Tomás", "Uma",   "Viktor", "Wen",   "Yara"};
const char* const last_names[] = {"Adams",    "Bauer",  "Chen",    "Dubois",   "Eriksen",
                                  "Fischer",  "García", "Haddad",  "Ito",      "Jensen",
                                  "Kowalski", "López",  "Müller",  "Nakamura", "O'Brien",
                                  "Patel",    "Rossi",  "Schmidt", "Tanaka",   "Novak"};
const char* const companies[] = {"Acme Analytics", "Brightline Robotics", "Cobalt Health",
                                 "Dataforge",      "Evergreen Logistics", "Fintrail",
                                 "Globex Retail",  "Helios Energy",       "Ironclad Security",
                                 "Juniper Labs",   "Keystone Capital",    "Lumen Media"};
const char* const titles[] = {"VP Sales",
                              "Head of Growth",
                              "CTO",
                              "Engineering Manager",
                              "Founder",
                              "Recruiting Lead",
                              "Director of Marketing",
                              "Staff Engineer",
                              "COO"};
const char* const zones[] = {"America/New_York", "America/Los_Angeles", "Europe/London",
                             "Europe/Berlin",    "Asia/Kolkata",        "Asia/Tokyo",
                             "Australia/Sydney", "America/Sao_Paulo"};
const char* const goals[] = {"sales", "sales", "sales", "recruiting", "nurture", "marketing"};
const char* const words[] = {"pipeline",  "quarterly",   "expansion",  "hiring",      "platform",
                             "customers", "revenue",     "onboarding", "partnership", "analytics",
                             "roadmap",   "series B",    "conference", "keynote",     "podcast",
                             "webinar",   "integration", "security"};

const char* const short_first_names[] = {"Ava",  "Zoë",  "Chloé", "Ben",  "Léa",  "Dev",
                                         "Noah", "Maya", "Björn", "Inès", "Liam", "Sara"};
const char* const short_words[] = {"met at",    "SaaStr", "asked for", "pricing",  "demo",
                                   "follow up", "Q3",     "budget",    "referral", "webinar"};
const char* const utf8_first_names[] = {"Александр", "Мария", "Дмитрий", "Ελένη",
                                        "Γιώργος",   "Νίκος", "王芳",    "李伟",
                                        "佐藤",      "陽菜",  "Анна",    "Σοφία"};
const char* const utf8_last_names[] = {"Иванов", "Смирнова", "Παπαδόπουλος", "Κωνσταντίνου",
                                       "张",     "刘",       "高橋",         "鈴木",
                                       "Попова", "Οικονόμου"};
const char* const utf8_companies[] = {
    "Северсталь Аналитика", "Ελληνική Τεχνολογία", "東京データ株式会社", "北京云科技",
    "Газпром Нефть Софт",   "Αθηναϊκή Λογιστική",  "大阪ロボティクス"};
const char* const utf8_words[] = {"встреча",        "конференция", "бюджет", "συνάντηση",
                                  "προϋπολογισμός", "συνέδριο",    "会议",   "预算",
                                  "合作",           "打ち合わせ",  "予算",   "パートナー"};

template <std::size_t N>
const char* pick(std::mt19937_64& rng, const char* const (&list)[N]) {
  return list[rng() % N];
}

// Escapes for a JSON string: the generator's words hold only ' and ASCII, so quotes suffice.
void sentence(std::mt19937_64& rng, std::string& out, int n) {
  for (int i = 0; i < n; ++i) {
    if (i) out += ' ';
    out += pick(rng, words);
  }
}

}  // namespace

// One prospect of the short or the UTF-8 shape: the §4 fields a plan reads, short values.
void compact_prospect(std::mt19937_64& rng, long i, bool utf8, std::string& line) {
  const char* first = utf8 ? pick(rng, utf8_first_names) : pick(rng, short_first_names);
  const char* last = utf8 ? pick(rng, utf8_last_names) : pick(rng, last_names);
  const char* company = utf8 ? pick(rng, utf8_companies) : pick(rng, companies);
  const auto roll = rng() % 100;
  const char* degree = roll < 25 ? "1" : roll < 60 ? "2" : roll < 85 ? "3" : "null";
  char buffer[512];
  std::snprintf(buffer, sizeof buffer,
                "{\"id\": \"p-%07ld\", \"first_name\": \"%s\", \"last_name\": \"%s\", "
                "\"company\": \"%s\", \"degree\": %s, \"open_profile\": %s, "
                "\"accepts_inmail\": %s, \"goal\": \"%s\", \"timezone\": \"%s\", "
                "\"priority\": %llu, \"do_not_contact\": %s, ",
                i, first, last, company, degree, rng() % 10 == 0 ? "true" : "false",
                rng() % 12 == 0 ? "false" : "true", pick(rng, goals), pick(rng, zones),
                static_cast<unsigned long long>(rng() % 10), rng() % 50 == 0 ? "true" : "false");
  line += buffer;
  line += "\"notes\": \"";
  const int n = utf8 ? 26 : 4;
  for (int w = 0; w < n; ++w) {
    if (w) line += ' ';
    line += utf8 ? pick(rng, utf8_words) : pick(rng, short_words);
  }
  line += "\"}";
}

int main(int argc, char** argv) {
  const bool formats_ok =
      argc >= 4 && (std::strcmp(argv[3], "json") == 0 || std::strcmp(argv[3], "ndjson") == 0);
  const char* shape = argc == 5 ? argv[4] : "long";
  const bool shape_ok = std::strcmp(shape, "long") == 0 || std::strcmp(shape, "short") == 0 ||
                        std::strcmp(shape, "utf8") == 0;
  if (!formats_ok || argc > 5 || !shape_ok) {
    std::fprintf(stderr, "usage: gen_prospects COUNT SEED json|ndjson [long|short|utf8]\n");
    return 2;
  }
  const long count = std::strtol(argv[1], nullptr, 10);
  std::mt19937_64 rng(std::strtoull(argv[2], nullptr, 10));
  const bool array = std::strcmp(argv[3], "json") == 0;
  std::string line;
  if (array) std::fputs("[\n", stdout);
  for (long i = 0; i < count; ++i) {
    line.clear();
    if (std::strcmp(shape, "long") != 0) {
      compact_prospect(rng, i, std::strcmp(shape, "utf8") == 0, line);
      if (array && i + 1 < count) line += ',';
      line += '\n';
      std::fwrite(line.data(), 1, line.size(), stdout);
      continue;
    }
    const char* first = pick(rng, first_names);
    const char* last = pick(rng, last_names);
    const auto roll = rng() % 100;
    const char* degree = roll < 25 ? "1" : roll < 60 ? "2" : roll < 85 ? "3" : "null";
    char buffer[512];
    std::snprintf(buffer, sizeof buffer,
                  "{\"id\": \"p-%07ld\", \"first_name\": \"%s\", \"last_name\": \"%s\", "
                  "\"company\": \"%s\", \"title\": \"%s\", \"degree\": %s, \"open_profile\": %s, "
                  "\"accepts_inmail\": %s, \"pending_invitations\": %llu, \"rarely_accepts\": %s, ",
                  i, first, last, pick(rng, companies), pick(rng, titles), degree,
                  rng() % 10 == 0 ? "true" : "false", rng() % 12 == 0 ? "false" : "true",
                  static_cast<unsigned long long>(rng() % 100 == 0 ? 30000 : rng() % 800),
                  rng() % 15 == 0 ? "true" : "false");
    line += buffer;
    if (rng() % 5 == 0) {
      std::snprintf(buffer, sizeof buffer, "\"deadline\": \"2027-%02d-%02d\", ",
                    static_cast<int>(1 + rng() % 6), static_cast<int>(1 + rng() % 28));
      line += buffer;
    }
    std::snprintf(buffer, sizeof buffer,
                  "\"goal\": \"%s\", \"mutual_connections\": %llu, \"timezone\": \"%s\", "
                  "\"priority\": %llu, \"do_not_contact\": %s, ",
                  pick(rng, goals), static_cast<unsigned long long>(rng() % 60), pick(rng, zones),
                  static_cast<unsigned long long>(rng() % 10), rng() % 50 == 0 ? "true" : "false");
    line += buffer;
    if (rng() % 40 == 0) {
      std::snprintf(buffer, sizeof buffer, "\"group\": \"team-%llu\", ",
                    static_cast<unsigned long long>(rng() % 500));
      line += buffer;
    }
    // The free-text columns of a CRM export.
    line += "\"headline\": \"";
    sentence(rng, line, 12);
    line += "\", \"notes\": \"";
    sentence(rng, line, 40);
    line += "\", \"last_activity\": \"";
    sentence(rng, line, 20);
    line += "\", \"email\": \"";
    line += first;
    line += '.';
    line += last;
    line += "@example.com\"}";
    if (array && i + 1 < count) line += ',';
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  if (array) std::fputs("]\n", stdout);
  return 0;
}
