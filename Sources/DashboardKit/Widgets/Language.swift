/// The language of the dashboard's own words (labels, key hints). Data text is shown as it is.
/// Chinese is the default: the users are a Chinese city's campaign offices.
public enum Language: String, Sendable, Equatable, CaseIterable, Codable {
  case zh
  case en
}
