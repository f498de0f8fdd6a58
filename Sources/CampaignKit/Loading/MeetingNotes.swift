import Foundation

/// The few lines the creation office writes for a meeting (下步工作要求), kept beside the data
/// as `notes/YYYY-MM-DD.md` so the circular is generated and only the words are written by hand.
public struct MeetingNote: Sendable, Equatable {
  public var day: Day
  /// The requirements in order: one per list item (`- `, `* `, `1.`, `一、`) or paragraph line;
  /// Markdown headings and blank lines are left out.
  public var items: [String]

  public init(day: Day, items: [String]) {
    self.day = day
    self.items = items
  }
}

/// Reads `notes/*.md`. Optional: no folder means no notes. A file whose name is not a date,
/// whose date is not a meeting, or which is not UTF-8 is a finding (a warning: the notes are
/// words for the circular, never figures, so they cannot make the data wrong).
public enum MeetingNotes {
  public static let folder = "notes"

  public static func load(directory: String, info: CampaignInfo) -> (
    notes: [Day: MeetingNote], findings: [Finding]
  ) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + folder)) ?? []
    var notes: [Day: MeetingNote] = [:]
    var findings: [Finding] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      let rel = "\(folder)/\(name)"
      guard name.hasSuffix(".md"), let day = Day(String(name.dropLast(3))) else {
        findings.append(
          Finding(
            .warning, file: rel,
            message: "not read: a meeting's notes are named notes/YYYY-MM-DD.md after the meeting's date"))
        continue
      }
      guard info.meetings.contains(day) else {
        findings.append(
          Finding(
            .warning, file: rel,
            message: "\(day) is not a meeting date in campaign.json (meetings); the notes are not used"))
        continue
      }
      guard let bytes = try? FileBytes.read(directory + "/" + rel) else {
        findings.append(Finding(.warning, file: rel, message: "cannot read the file"))
        continue
      }
      guard let text = String(validating: bytes, as: UTF8.self) else {
        findings.append(
          Finding(.warning, file: rel, message: "not UTF-8 text; save it as UTF-8 (the notes are not used)"))
        continue
      }
      notes[day] = MeetingNote(day: day, items: items(text))
    }
    return (notes, findings)
  }

  /// The items of a note: list markers and numbering taken off (the circular numbers them).
  public static func items(_ text: String) -> [String] {
    var out: [String] = []
    for raw in text.split(whereSeparator: \.isNewline) {
      var line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) { line.removeFirst(marker.count) }
      line = stripNumber(line)
      if !line.isEmpty { out.append(line) }
    }
    return out
  }

  /// `1. `, `1、`, `（一）`, `一、` at the start of a line.
  static func stripNumber(_ line: String) -> String {
    let digits = "0123456789"
    let han = "一二三四五六七八九十"
    var rest = Substring(line)
    if rest.first == "（" || rest.first == "(" {
      let body = rest.dropFirst().prefix { han.contains($0) || digits.contains($0) }
      let after = rest.dropFirst(1 + body.count)
      if !body.isEmpty, after.first == "）" || after.first == ")" {
        return after.dropFirst().trimmingCharacters(in: .whitespaces)
      }
      return line
    }
    let body = rest.prefix { han.contains($0) || digits.contains($0) }
    rest = rest.dropFirst(body.count)
    if !body.isEmpty, let sep = rest.first, "、.．)）".contains(sep) {
      return rest.dropFirst().trimmingCharacters(in: .whitespaces)
    }
    return line
  }
}
