#include "prospects/profile_url.hpp"

#include <catch2/catch.hpp>

using outreach::detail::normalise_profile_url;

TEST_CASE("profile URLs: the real-world shapes of one profile", "[profile-url]") {
  const std::string jane = "linkedin.com/in/jane-doe";
  for (const std::string url : {
           "https://www.linkedin.com/in/jane-doe",
           "https://www.linkedin.com/in/jane-doe/",
           "http://www.linkedin.com/in/jane-doe",
           "HTTPS://WWW.LINKEDIN.COM/in/Jane-Doe",
           "www.linkedin.com/in/jane-doe",
           "linkedin.com/in/jane-doe",
           "https://linkedin.com/in/jane-doe",
           "//www.linkedin.com/in/jane-doe",
           "https://m.linkedin.com/in/jane-doe",
           "https://uk.linkedin.com/in/jane-doe",
           "https://de.linkedin.com/in/jane-doe/",
           "https://www.linkedin.com/in/jane-doe?originalSubdomain=uk",
           "https://www.linkedin.com/in/jane-doe/?trk=public_profile&utm_source=share",
           "https://www.linkedin.com/in/jane-doe#experience",
           "https://www.linkedin.com/in/jane-doe/details/experience/",
           "https://www.linkedin.com/in/jane-doe/recent-activity/all/",
           "https://www.linkedin.com/in/jane-doe/overlay/contact-info/",
           "https://www.linkedin.com/in/JANE-DOE",
           "https://www.linkedin.com/in/jane%2Ddoe",
           "  https://www.linkedin.com/in/jane-doe  ",
           "https://www.linkedin.com:443/in/jane-doe",
           "https://www.linkedin.com//in//jane-doe",
           "https://www.linkedin.com/mwlite/in/jane-doe",
       }) {
    INFO(url);
    CHECK(normalise_profile_url(url) == jane);
  }
}

TEST_CASE("profile URLs: slugs are percent-decoded", "[profile-url]") {
  CHECK(normalise_profile_url("https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller-4b1a2c/") ==
        "linkedin.com/in/jörg-müller-4b1a2c");
  CHECK(normalise_profile_url("https://fr.linkedin.com/in/ACwAAB123") ==
        "linkedin.com/in/acwaab123");
}

TEST_CASE("profile URLs: Sales Navigator leads", "[profile-url]") {
  CHECK(normalise_profile_url(
            "https://www.linkedin.com/sales/lead/ACwAAAB1c2E,NAME_SEARCH,x9Yz?_ntb=abc") ==
        "linkedin.com/sales/lead/ACwAAAB1c2E");
  CHECK(normalise_profile_url("https://www.linkedin.com/sales/lead/ACwAAAB1c2E%2CNAME_SEARCH") ==
        "linkedin.com/sales/lead/ACwAAAB1c2E");
  CHECK(normalise_profile_url("linkedin.com/sales/people/ACwAAAB1c2E,OUT_OF_NETWORK,abc") ==
        "linkedin.com/sales/lead/ACwAAAB1c2E");
}

TEST_CASE("profile URLs: what is not one", "[profile-url]") {
  for (const std::string url : {
           "",
           "jane-doe",
           "https://twitter.com/jane",
           "https://www.linkedin.com/company/acme",
           "https://www.linkedin.com/in/",
           "https://www.linkedin.com/",
           "https://evil-linkedin.com/in/jane",
           "https://linkedin.com.evil.com/in/jane",
           "https://www.linkedin.com/in/jane%ZZ",
           "https://www.linkedin.com/in/jane%",
           "https://www.linkedin.com/in/a%2Fb",
           "https://www.linkedin.com/sales/lead/,NAME_SEARCH",
           "https://www.linkedin.com/feed/",
           "mailto:jane@example.com",
       }) {
    INFO(url);
    CHECK_FALSE(normalise_profile_url(url));
  }
}
