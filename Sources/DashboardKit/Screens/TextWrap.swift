/// Wraps text to lines of at most `width` display columns, breaking anywhere for Chinese (which
/// has no spaces) and at spaces for Latin words when that keeps the line at least half full.
enum TextWrap {
  static func lines(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var out: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var used = 0
      var lastSpace: (index: String.Index, used: Int)?
      for ch in paragraph {
        let w = DisplayWidth.of(ch)
        if used + w > width {
          if let sp = lastSpace, ch != " ", sp.used >= width / 2 {
            let rest = String(line[line.index(after: sp.index)...])
            out.append(String(line[..<sp.index]))
            line = rest
            used = DisplayWidth.of(rest)
          } else {
            out.append(line)
            line = ""
            used = 0
          }
          lastSpace = nil
          if ch == " " { continue }
        }
        if ch == " " { lastSpace = (line.endIndex, used) }
        line.append(ch)
        used += w
      }
      out.append(line)
    }
    return out
  }
}
