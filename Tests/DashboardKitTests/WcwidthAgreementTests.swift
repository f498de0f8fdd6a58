import Foundation
import Testing

@testable import DashboardKit

/// Our widths against glibc's `wcwidth` (what ncursesw uses to place characters).
///
/// Accepted disagreements, all by design (see `DisplayWidth`):
/// - glibc -1 (controls, unassigned code points): we say 1. Controls are replaced by `�`
///   before reaching the canvas; unassigned code points show as one-column boxes.
/// - characters SafeText replaces (format characters glibc calls 0, e.g. U+200B): we say 1,
///   the width of the replacement.
/// - emoji sequences (VS16, modifiers, ZWJ, flags): one 2-column grapheme.
@Suite struct WcwidthAgreementTests {
  /// Compares one scalar; returns a description of an unexpected disagreement, if any.
  static func check(_ v: UInt32) -> String? {
    guard let scalar = Unicode.Scalar(v) else { return nil }
    let ours = DisplayWidth.of(Character(scalar))
    let glibc = LibC.wcwidth(v)
    if ours == glibc { return nil }
    if glibc == -1 && ours == 1 { return nil }
    if SafeText.isReplaced(scalar) && ours == 1 { return nil }
    return String(format: "U+%04X ours %d glibc %d", v, ours, glibc)
  }

  static let blocks: [(String, ClosedRange<UInt32>)] = [
    ("CJK Unified Ideographs", 0x4E00...0x9FFF),
    ("CJK Extension A", 0x3400...0x4DBF),
    ("CJK Symbols and Punctuation", 0x3000...0x303F),
    ("Halfwidth and Fullwidth Forms", 0xFF00...0xFFEF),
    ("Hiragana and Katakana", 0x3040...0x30FF),
    ("Hangul Syllables", 0xAC00...0xD7A3),
    ("printable ASCII", 0x20...0x7E),
    ("Latin-1", 0x80...0xFF),
    ("Box Drawing", 0x2500...0x257F),
    ("Block Elements", 0x2580...0x259F),
    ("Enclosed CJK", 0x3200...0x32FF),
    ("Bopomofo", 0x3100...0x312F),
    ("Hangul Jamo", 0x1100...0x11FF),
    ("CJK Compatibility Ideographs", 0xF900...0xFAFF),
    ("Misc Symbols and Pictographs", 0x1F300...0x1F64F),
    ("Supplemental Symbols and Pictographs", 0x1F900...0x1F9FF),
  ]

  @Test(arguments: blocks.map(\.0))
  func block(_ name: String) {
    let range = Self.blocks.first { $0.0 == name }!.1
    let bad = range.compactMap(Self.check)
    #expect(bad.isEmpty, "\(name): \(bad.prefix(20))")
  }

  /// Sanity: the comparison really talks to glibc in a UTF-8 locale.
  @Test func libcIsLive() {
    #expect(LibC.wcwidth(0x4E2D) == 2)
    #expect(LibC.wcwidth(0x41) == 1)
    #expect(LibC.wcwidth(0x301) == 0)
    #expect(LibC.wcwidth(0x1B) == -1)
  }

  /// Every character of every string (keys too) in the fixture campaign, if it exists yet.
  @Test func fixtureStrings() throws {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    // FIXTURES_DIR lets a developer point the check at fixtures in another checkout.
    let dir =
      ProcessInfo.processInfo.environment["FIXTURES_DIR"].map { URL(fileURLWithPath: $0) }
      ?? root.appendingPathComponent("fixtures/hongjiang")
    guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
    else { return }
    var files = 0
    var checked = Set<Character>()
    var bad: [String] = []
    for case let url as URL in walker where url.pathExtension == "json" {
      files += 1
      let data = try Data(contentsOf: url)
      guard let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      else { continue }  // malformed fixtures are the loader tests' business
      var strings: [String] = []
      Self.collect(json, into: &strings)
      for s in strings {
        // Measuring raw data gives the width it will take once sanitised (a leading lone
        // mark gains a dotted circle, so it is exempt).
        let leadingMark = s.unicodeScalars.first.map { DisplayWidth.of(scalar: $0) == 0 } ?? false
        #expect(leadingMark || DisplayWidth.of(s) == DisplayWidth.of(SafeText.sanitize(s)))
        for c in s where checked.insert(c).inserted {
          guard let glibc = LibC.graphemeWidth(c) else { continue }  // non-printable: replaced
          if glibc != DisplayWidth.of(c)
            && !c.unicodeScalars.contains(where: SafeText.isReplaced)
          {
            bad.append(
              "\(c.debugDescription) in \(url.lastPathComponent): ours \(DisplayWidth.of(c)) glibc \(glibc)")
          }
        }
      }
    }
    #expect(bad.isEmpty, "\(bad.prefix(20))")
    if files > 0 { #expect(!checked.isEmpty) }
  }

  static func collect(_ v: Any, into out: inout [String]) {
    switch v {
    case let s as String: out.append(s)
    case let a as [Any]: for e in a { collect(e, into: &out) }
    case let d as [String: Any]:
      for (k, e) in d {
        out.append(k)
        collect(e, into: &out)
      }
    default: break
    }
  }
}
