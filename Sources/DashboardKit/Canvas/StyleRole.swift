/// The semantic roles a screen paints with. Screens never name colours: a theme maps each role
/// to a style (foreground, background, attributes), so the same canvas can be shown on a dark
/// terminal, a projector, or printed in greyscale.
public enum StyleRole: UInt8, CaseIterable, Sendable, Hashable, Codable {
  case text
  case dim
  case title
  case header
  case border
  case selection
  case tabActive
  case tabInactive
  case key
  case done
  case onTrack
  case behind
  case atRisk
  case overdue
  case barTrack
  case deltaUp
  case deltaDown
  case error
  case toast
  case highlight
}
