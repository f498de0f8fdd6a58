/// How many terminal columns text takes, measured per grapheme cluster (Swift `Character`).
///
/// Every layout decision in the dashboard (clipping, padding, column sizing) goes through
/// here, never through `String.count`: a Han character takes two columns, a combining accent
/// none. The tables follow glibc's `wcwidth` in a UTF-8 locale because that is what ncursesw
/// uses to place characters on the live screen; if we measured differently, rows would shear.
///
/// Deliberate differences from `wcwidth` (all tested):
/// - Characters that ``SafeText`` replaces (C0/C1 controls, DEL, bidi and other format
///   characters) measure 1: the width of the visible replacement the Canvas will show. glibc
///   says -1 or 0 for them, but they never reach the terminal.
/// - Unassigned code points measure 1 (glibc: -1); the terminal shows them as a one-column box.
/// - Emoji sequences (with VS16 U+FE0F, skin-tone modifiers, ZWJ joins, flag pairs, tag flags)
///   measure 2 as one grapheme; glibc would add up the scalars.
/// - Ambiguous-width characters (box drawing, `·`, `①`) are 1, as glibc has them; terminals
///   set to "ambiguous = wide" should use ``GlyphSet/ascii``.
public enum DisplayWidth {
  /// Columns taken by one grapheme cluster: 0, 1 or 2.
  ///
  /// A grapheme whose scalars would add up to more than 2 (rare Indic conjuncts) is clamped
  /// to 2, because a ``Cell`` holds at most a double-width grapheme.
  @inlinable
  public static func of(_ c: Character) -> Int {
    let utf8 = c.utf8
    if utf8.count == 1 { return 1 }  // ASCII, controls included (they show as a 1-column glyph)
    return ofCluster(c)
  }

  /// Columns taken by a string: the sum over its grapheme clusters.
  public static func of(_ s: some StringProtocol) -> Int {
    // Fast path: printable ASCII is one column per byte and needs no segmentation.
    var n = 0
    var ascii = true
    for b in s.utf8 {
      if b >= 0x80 { ascii = false; break }
      n += 1
    }
    if ascii { return n }
    if let plain = plainWidth(s.utf8) { return plain }
    n = 0
    for c in s { n += of(c) }
    return n
  }

  /// The width of text made only of scalars that are each a grapheme of their own whatever
  /// surrounds them (printable ASCII, Latin-1 letters and `·`, CJK ideographs, CJK and
  /// fullwidth punctuation: the names and figures of a campaign), read from the UTF-8 bytes
  /// without segmenting; nil when the text holds anything else. Such text is also what
  /// ``SafeText`` leaves as it is. `DisplayWidthTests` checks it against the grapheme sum.
  static func plainWidth(_ utf8: some Collection<UInt8>) -> Int? {
    if let n = utf8.withContiguousStorageIfAvailable({ plainWidth(bytes: $0) }) { return n }
    return Array(utf8).withUnsafeBufferPointer { plainWidth(bytes: $0) }
  }

  private static func plainWidth(bytes b: UnsafeBufferPointer<UInt8>) -> Int? {
    var n = 0
    var i = b.startIndex
    let end = b.endIndex
    while i < end {
      let b0 = b[i]
      if b0 < 0x80 {
        guard b0 >= 0x20 && b0 < 0x7F else { return nil }
        n += 1
        i += 1
      } else if b0 == 0xC2 || b0 == 0xC3 {
        // U+00A0…U+00FF: Latin-1 letters and signs, one column (soft hyphen aside).
        guard i + 1 < end else { return nil }
        let v = (UInt32(b0 & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F)
        guard v >= 0xA0 && v != 0xAD else { return nil }
        n += 1
        i += 2
      } else if b0 >= 0xE0 && b0 < 0xF0 {
        guard i + 2 < end else { return nil }
        let v = (UInt32(b0 & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
        guard isPlainWide(v) else { return nil }
        n += 2
        i += 3
      } else {
        return nil
      }
    }
    return n
  }

  /// Two-column scalars that never join a neighbour into one grapheme: CJK Unified
  /// Ideographs, the CJK punctuation `、。〃〈〉《》「」『』【】`, and the fullwidth forms
  /// U+FF01…U+FF60 (`，：（）`).
  @inline(__always)
  static func isPlainWide(_ v: UInt32) -> Bool {
    (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3001 && v <= 0x3003) || (v >= 0x3008 && v <= 0x3011)
      || (v >= 0xFF01 && v <= 0xFF60)
  }

  /// Columns taken by one Unicode scalar on its own (what `wcwidth` answers, modulo the
  /// differences listed on the type).
  public static func of(scalar: Unicode.Scalar) -> Int {
    scalarWidth(scalar.value)
  }

  @usableFromInline
  static func ofCluster(_ c: Character) -> Int {
    let scalars = c.unicodeScalars
    var it = scalars.makeIterator()
    guard let first = it.next() else { return 0 }
    guard it.next() != nil else { return scalarWidth(first.value) }
    if isEmojiSequence(first: first, scalars) { return 2 }
    var sum = 0
    for s in scalars { sum += scalarWidth(s.value) }
    return min(sum, 2)
  }

  /// Whether a multi-scalar grapheme is one of the sequences terminals draw as one
  /// double-width emoji.
  static func isEmojiSequence(first: Unicode.Scalar, _ scalars: Character.UnicodeScalarView)
    -> Bool
  {
    let f = first.value
    if (0x1F1E6...0x1F1FF).contains(f) {  // regional indicator pair: a flag
      return scalars.count == 2
    }
    guard first.properties.isEmoji else { return false }
    for s in scalars.dropFirst() {
      switch s.value {
      case 0xFE0F, 0x200D, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
      default: continue
      }
    }
    return false
  }

  @usableFromInline
  static func scalarWidth(_ v: UInt32) -> Int {
    if v < 0x300 {
      // Latin, controls and soft hyphen all show as one column (controls as a replacement).
      return 1
    }
    if v >= 0x4E00 && v <= 0x9FFF { return 2 }  // the common case: CJK Unified Ideographs
    if v >= 0xAC00 && v <= 0xD7A3 { return 2 }  // Hangul syllables
    if inRanges(WidthTables.wide, v) { return 2 }
    if inRanges(WidthTables.zero, v) { return 0 }
    // Emoji newer than the table (assigned after Unicode 14): trust the stdlib's data.
    // Regional indicators stand alone as 1 column, as glibc has them.
    if v >= 0x1F000 && !(0x1F1E6...0x1F1FF).contains(v),
      let s = Unicode.Scalar(v), s.properties.isEmojiPresentation
    {
      return 2
    }
    return 1
  }

  /// Binary search over a flat table of inclusive ranges `[lo0, hi0, lo1, hi1, ...]`.
  static func inRanges(_ table: [UInt32], _ v: UInt32) -> Bool {
    var lo = 0
    var hi = table.count / 2 - 1
    if hi < 0 || v < table[0] || v > table[table.count - 1] { return false }
    while lo <= hi {
      let mid = (lo + hi) >> 1
      if v < table[2 * mid] {
        hi = mid - 1
      } else if v > table[2 * mid + 1] {
        lo = mid + 1
      } else {
        return true
      }
    }
    return false
  }
}
