// TEMPORARY: minimal bar and sparkline until the widgets of branch h3 land.
import CampaignKit

enum TempWidgets {
  static func roleFor(_ s: Status) -> StyleRole {
    switch s {
    case .done: .done
    case .onTrack: .onTrack
    case .behind: .behind
    case .atRisk: .atRisk
    case .overdue: .overdue
    }
  }
  static func glyph(_ s: Status, ascii: Bool) -> String {
    switch s {
    case .done: ascii ? "v" : "✓"
    case .onTrack: ascii ? "o" : "●"
    case .behind: ascii ? "-" : "◐"
    case .atRisk: ascii ? "!" : "▲"
    case .overdue: ascii ? "x" : "✗"
    }
  }
  static func bar(_ c: inout Canvas, x: Int, y: Int, width: Int, fraction: Double, status: Status, ascii: Bool) {
    guard width > 0 else { return }
    let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
    let eighths = Int((f * Double(width * 8)).rounded(.down))
    let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    for i in 0..<width {
      let filled = eighths - i * 8
      if filled >= 8 {
        c.put(Cell(text: ascii ? "#" : "█", width: 1, role: roleFor(status)), x: x + i, y: y)
      } else if filled > 0 && !ascii {
        c.put(Cell(text: blocks[filled], width: 1, role: roleFor(status)), x: x + i, y: y)
      } else {
        c.put(Cell(text: ascii ? "." : "░", width: 1, role: .barTrack), x: x + i, y: y)
      }
    }
  }
  static func sparkline(_ values: [Double?], lo: Double? = nil, hi: Double? = nil, ascii: Bool) -> String {
    let present = values.compactMap { $0 }
    guard let mn = lo ?? present.min(), let mx = hi ?? present.max() else {
      return String(repeating: " ", count: values.count)
    }
    let glyphs = ascii ? Array("_.-:=+*#") : Array("▁▂▃▄▅▆▇█")
    return String(
      values.map { v -> Character in
        guard let v else { return " " }
        let t = mx > mn ? (v - mn) / (mx - mn) : 1
        return glyphs[min(7, max(0, Int((t * 7).rounded())))]
      })
  }
}
