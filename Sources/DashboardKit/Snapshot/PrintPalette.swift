/// The colours of paper: dark ink on white, whatever the screen's theme. A theme's colours
/// are made for a dark terminal (yellow #ffd75f is 1.4:1 on white), so paper has its own:
/// every text colour here is at least 4.5:1 on white (tested), and every status also has a
/// glyph, a word and a fill pattern, so a greyscale copy of a copy still tells them apart.
public enum PrintPalette {
  /// Body text.
  public static let ink = "#111111"
  /// Notes, captions, rules' labels.
  public static let muted = "#4d4d4d"
  /// The masthead's office and rule (红头): the dark red of an official document.
  public static let masthead = "#b00000"
  public static let up = "#1e5c27"
  public static let down = "#a4161a"

  /// The text colour of a status.
  public static func color(_ m: StatusMark) -> String {
    switch m {
    case .done: "#1e5c27"
    case .onTrack: "#1d4e89"
    case .behind: "#7a4a00"
    case .atRisk: "#a4161a"
    case .overdue: "#6b0f12"
    case .notReported: "#555555"
    }
  }

  /// A bar's fill: solid for the good states, hatched ever more densely as a status needs more
  /// attention, dotted for no report — told apart in greyscale by pattern, not by hue.
  public static func fill(_ m: StatusMark) -> String {
    let c = color(m)
    switch m {
    case .done: return c
    case .onTrack: return "repeating-linear-gradient(90deg, \(c) 0 1.6mm, #fff 1.6mm 1.9mm)"
    case .behind: return "repeating-linear-gradient(45deg, \(c) 0 0.7mm, #fff 0.7mm 1.5mm)"
    case .atRisk:
      return
        "repeating-linear-gradient(45deg, \(c) 0 0.5mm, transparent 0.5mm 1.1mm), repeating-linear-gradient(-45deg, \(c) 0 0.5mm, #fff 0.5mm 1.1mm)"
    case .overdue: return "repeating-linear-gradient(0deg, \(c) 0 0.6mm, #fff 0.6mm 0.9mm)"
    case .notReported: return "radial-gradient(\(c) 0.25mm, #fff 0.3mm) 0 0 / 1mm 1mm"
    }
  }

  /// Every text colour the HTML uses, by name (for the contrast test and the CSS).
  public static var textColors: [(String, String)] {
    [("ink", ink), ("muted", muted), ("masthead", masthead), ("up", up), ("down", down)]
      + StatusMark.allCases.map { ($0.code, color($0)) }
  }
}
