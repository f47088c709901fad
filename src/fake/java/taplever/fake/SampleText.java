package taplever.fake;

import java.util.List;

/** Word pools the generators draw from; deliberately mixes ASCII, accented, CJK and emoji text. */
final class SampleText {
  static final List<String> FIRST_NAMES =
      List.of(
          "Ada", "Grace", "Linus", "Zoë", "Łucja", "José", "Ngozi", "Søren", "Ines", "Mateo",
          "Priya", "Chloé", "太郎", "花子", "Олег", "Ayşe", "Björn", "Dmitri", "Fatima", "Kwame", "Léa",
          "Nuño", "Saoirse", "Wei");
  static final List<String> LAST_NAMES =
      List.of(
          "Lovelace",
          "Hopper",
          "Łukasiewicz",
          "Müller",
          "García",
          "Okafor",
          "Kierkegaard",
          "Núñez",
          "O'Brien",
          "山田",
          "佐藤",
          "Иванов",
          "Yılmaz",
          "Sørensen",
          "Nguyễn",
          "Dubois",
          "Mensah",
          "Van der Berg",
          "Smith",
          "Chen",
          "Kowalski",
          "Rossi",
          "Patel",
          "Ó Súilleabháin");
  static final List<String> COMPANIES =
      List.of(
          "Initech",
          "Globex",
          "Umbrella Corp",
          "Hooli",
          "Acme GmbH",
          "Société Générale de Tests",
          "株式会社テスト",
          "Stark Industries",
          "Wayne Enterprises",
          "Pied Piper",
          "Vandelay Industries",
          "Soylent Oy");
  static final List<String> SCHOOLS =
      List.of(
          "MIT",
          "ETH Zürich",
          "Universidad de Sevilla",
          "東京大学",
          "University of Lagos",
          "Sorbonne Université",
          "Politechnika Warszawska",
          "KTH");
  static final List<String> TITLES =
      List.of(
          "Software Engineer",
          "Senior Software Engineer",
          "Data Scientist",
          "Product Manager",
          "Designer",
          "Recruiter",
          "Account Executive",
          "Site Reliability Engineer",
          "Engineering Manager",
          "QA Analyst");
  static final List<String> TEAMS =
      List.of("Engineering", "Sales", "Design", "People", "Finance", "Support");
  static final List<String> DEPARTMENTS = List.of("R&D", "Go-to-market", "G&A");
  static final List<String> LOCATIONS =
      List.of(
          "San Francisco",
          "Oakland",
          "London",
          "Berlin",
          "Kraków",
          "東京",
          "São Paulo",
          "Remote",
          "Zürich");
  static final List<String> TIMEZONES =
      List.of(
          "America/Los_Angeles",
          "America/New_York",
          "Europe/London",
          "Europe/Berlin",
          "Asia/Tokyo",
          "America/Sao_Paulo");
  static final List<String> COMMITMENTS =
      List.of("Full-time", "Part-time", "Contract", "Internship");
  static final List<String> TAGS =
      List.of(
          "engineering",
          "product",
          "senior",
          "junior",
          "referral-bonus",
          "diversity",
          "backend",
          "frontend",
          "rehire",
          "visa-needed",
          "über-candidate",
          "夜勤");
  static final List<String> SOURCES =
      List.of(
          "LinkedIn",
          "Referral",
          "Company website",
          "AngelList",
          "Indeed",
          "Agency: Héroes & Co",
          "Meetup",
          "GitHub",
          "Twitter",
          "Job fair");
  static final List<String> ORIGINS =
      List.of("agency", "applied", "internal", "referred", "sourced", "university");
  static final List<String> NOTES =
      List.of(
          "Great culture fit 🎉",
          "Strong on systems design; weaker on SQL.",
          "Asked about remote work 🏡",
          "Follow up next week — candidate is travelling ✈️",
          "Très bon entretien, à revoir.",
          "面接は順調でした。",
          "Needs visa sponsorship.",
          "Declined to share salary expectations.",
          "Mentioned a competing offer 🔥",
          "Line one\nline two\ttabbed \"quoted\"");
  static final List<String> ACCESS_ROLES =
      List.of("super admin", "admin", "team member", "limited team member", "interviewer");

  private SampleText() {}

  /** {@code "Zoë Łukasiewicz"}-style full name. */
  static String fullName(SeededRandom rnd) {
    String first = rnd.pick(FIRST_NAMES);
    String last = rnd.pick(LAST_NAMES);
    boolean cjk = Character.UnicodeScript.of(first.codePointAt(0)) == Character.UnicodeScript.HAN;
    return cjk ? last + " " + first : first + " " + last;
  }

  /**
   * A candidate's address: always under {@link PlantedPii#DOMAIN}, sometimes below an IDN label.
   */
  static String candidateEmail(String name, SeededRandom rnd) {
    return emailFor(name, rnd, rnd.pick("mail.", "inbox.", "例え.") + PlantedPii.DOMAIN);
  }

  /**
   * A Lever user's (recruiter's, interviewer's) address, also under {@link PlantedPii#DOMAIN}.
   */
  static String staffEmail(String name, SeededRandom rnd) {
    return emailFor(name, rnd, "staff." + PlantedPii.DOMAIN);
  }

  /** A fictional North American number ({@code 555} exchange), recognisable as fake. */
  static String phone(SeededRandom rnd) {
    return PlantedPii.PHONE_PREFIX + rnd.between(1000, 9999);
  }

  /** A profile link on a host under {@link PlantedPii#DOMAIN}. */
  static String profileLink(SeededRandom rnd) {
    return "https://linkedin." + PlantedPii.DOMAIN + "/in/" + rnd.hex(8);
  }

  /** An ASCII e-mail local part derived from the name plus a disambiguating suffix. */
  static String emailFor(String name, SeededRandom rnd, String domain) {
    StringBuilder local = new StringBuilder();
    for (char c : name.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if (c >= 'a' && c <= 'z') {
        local.append(c);
      } else if (c == ' ' && local.length() > 0 && local.charAt(local.length() - 1) != '.') {
        local.append('.');
      }
    }
    if (local.length() == 0 || local.charAt(local.length() - 1) == '.') {
      local.append("person");
    }
    return local + "." + rnd.hex(4) + "@" + domain;
  }
}
