// iCalendar through libical (Debian's libical-dev): it escapes TEXT values (commas,
// semicolons, backslashes, newlines), folds lines at 75 octets without splitting a UTF-8
// character, and ends lines with CRLF — the parts of RFC 5545 that hand-written writers get
// wrong. Each event is built and written on its own, so a calendar of a whole plan is
// streamed rather than held.
#include "output/calendar_ics.hpp"

#include <libical/ical.h>

#include <memory>
#include <new>
#include <ostream>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "outreach/text.hpp"
#include "outreach/version.hpp"

namespace outreach::detail {
namespace {

// A send has 15 minutes in the calendar: enough to write and send one message.
constexpr int event_seconds = 15 * 60;

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

struct BufferFree {
  void operator()(char* buffer) const { icalmemory_free_buffer(buffer); }
};

// The component as RFC 5545 text, folded, with CRLF line ends.
std::string ical_text(icalcomponent* component) {
  const std::unique_ptr<char, BufferFree> text(icalcomponent_as_ical_string_r(component));
  if (!text) throw std::bad_alloc();
  return text.get();
}

icaltimetype utc_time(date::sys_seconds instant) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(instant.time_since_epoch().count()), 0,
                                       icaltimezone_get_utc_timezone());
}

// Text from a prospect list as a TEXT value: newlines stay (libical escapes them), every other
// control character becomes a visible escape, as on a terminal.
std::string calendar_text(std::string_view text) {
  std::string out;
  while (true) {
    const std::size_t end = text.find('\n');
    out += printable(text.substr(0, end));
    if (end == std::string_view::npos) return out;
    out += '\n';
    text.remove_prefix(end + 1);
  }
}

// "p-005.first@outreach": readable, and unique because a plan's ids are — every byte of the id
// outside [A-Za-z0-9._~-] is percent-encoded, so that no two ids give the same UID.
std::string uid_of(std::string_view prospect, std::string_view step) {
  std::string uid;
  for (const char c : prospect) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
        (byte >= '0' && byte <= '9') || c == '.' || c == '_' || c == '~' || c == '-')
      uid += c;
    else
      uid += fmt::format("%{:02X}", byte);
  }
  return fmt::format("{}.{}@outreach", uid, step);
}

// What the event says it is: "InMail to p-005", "Follow-up 1 to p-003".
std::string summary_of(std::string_view what, std::string_view prospect) {
  return fmt::format("{} to {}", what, printable(prospect));
}

// The calendar around its events: the header is written, then each event, then the end.
class CalendarWriter {
 public:
  CalendarWriter(std::ostream& out, std::string_view name) : out_(out) {
    const Component calendar(icalcomponent_new_vcalendar());
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    const std::string prodid = fmt::format("-//outreach//outreach {}//EN", version);
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid(prodid.c_str()));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icalproperty* calendar_name = icalproperty_new_x(std::string(name).c_str());
    icalproperty_set_x_name(calendar_name, "X-WR-CALNAME");
    icalcomponent_add_property(calendar.get(), calendar_name);
    const std::string text = ical_text(calendar.get());
    // libical writes the calendar whole; the events go in before its last line.
    constexpr std::string_view end = "END:VCALENDAR\r\n";
    const std::size_t at = text.rfind(end);
    out_ << std::string_view(text).substr(0, at);
    tail_ = text.substr(at);
  }
  ~CalendarWriter() = default;
  CalendarWriter(const CalendarWriter&) = delete;
  CalendarWriter& operator=(const CalendarWriter&) = delete;

  struct Event {
    std::string uid;
    date::sys_seconds stamp;
    date::sys_seconds start;
    std::string summary;
    const RowExtras* draft = nullptr;
  };

  void add(const Event& event) {
    const Component vevent(icalcomponent_new_vevent());
    icalcomponent* e = vevent.get();
    icalcomponent_add_property(e, icalproperty_new_uid(event.uid.c_str()));
    icalcomponent_add_property(e, icalproperty_new_dtstamp(utc_time(event.stamp)));
    icalcomponent_add_property(e, icalproperty_new_dtstart(utc_time(event.start)));
    icalcomponent_add_property(e,
                               icalproperty_new_duration(icaldurationtype_from_int(event_seconds)));
    icalcomponent_add_property(e, icalproperty_new_summary(event.summary.c_str()));
    if (event.draft != nullptr && event.draft->body) {
      std::string description;
      if (event.draft->subject) description = "Subject: " + *event.draft->subject + "\n\n";
      description += *event.draft->body;
      icalcomponent_add_property(e,
                                 icalproperty_new_description(calendar_text(description).c_str()));
    }
    out_ << ical_text(e);
  }

  void finish() { out_ << tail_; }

 private:
  std::ostream& out_;
  std::string tail_;
};

std::string_view what_of(PlanChannel channel, int followup, std::string& scratch) {
  switch (channel) {
    case PlanChannel::inmail:
      return "InMail";
    case PlanChannel::connect:
      return "Connection request";
    case PlanChannel::message:
      if (followup == 0) return "Message";
      scratch = fmt::format("Follow-up {}", followup);
      return scratch;
    case PlanChannel::message_ad:
    case PlanChannel::skip:
      break;
  }
  return "Send";
}

std::string_view what_of(const AgendaItem& item, std::string& scratch) {
  switch (item.action) {
    case AgendaAction::inmail:
      return what_of(PlanChannel::inmail, 0, scratch);
    case AgendaAction::connect:
      return what_of(PlanChannel::connect, 0, scratch);
    case AgendaAction::message:
      return what_of(PlanChannel::message, 0, scratch);
    case AgendaAction::follow_up:
      return what_of(PlanChannel::message, item.followup, scratch);
    case AgendaAction::withdraw:
      return "Withdraw the invitation";
  }
  return "Send";
}

}  // namespace

void write_plan_calendar(const PlanResult& plan, std::ostream& out) {
  CalendarWriter calendar(out, "outreach plan");
  std::string scratch;
  for (const PlannedProspect& row : plan.prospects) {
    if (!row.send_at || row.channel == PlanChannel::skip || row.channel == PlanChannel::message_ad)
      continue;
    calendar.add({uid_of(row.id, row.step()), plan.summary.start_at, *row.send_at,
                  summary_of(what_of(row.channel, row.followup, scratch), row.id),
                  row.extras.get()});
  }
  calendar.finish();
}

void write_agenda_calendar(const Agenda& agenda, std::ostream& out) {
  CalendarWriter calendar(out, "outreach agenda");
  std::string scratch;
  for (const AgendaItem& item : agenda.items) {
    if (!item.at) continue;
    calendar.add({uid_of(item.prospect, item.step), agenda.plan_start.value_or(*item.at), *item.at,
                  summary_of(what_of(item, scratch), item.prospect), item.draft.get()});
  }
  calendar.finish();
}

}  // namespace outreach::detail
