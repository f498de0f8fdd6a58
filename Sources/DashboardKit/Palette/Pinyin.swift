extension PinyinInitials {
  /// The initials of `text` as lowercase ASCII bytes: a Han character gives its pinyin initial,
  /// an ASCII letter or digit itself (lowercased), anything else nothing. `绿化覆盖率` → `lhfgl`.
  /// nil when the text has no Han character (its initials would only repeat the name).
  static func of(_ text: String) -> [UInt8]? {
    var out: [UInt8] = []
    var sawHan = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v >= first && v <= last {
        let letter = table[Int(v - first)]
        if letter != UInt8(ascii: "_") { out.append(letter) }
        sawHan = true
      } else if v < 128, let b = UInt8(exactly: v), isAlphanumeric(b) {
        out.append(lowercase(b))
      }
    }
    return sawHan ? out : nil
  }

  static func isAlphanumeric(_ b: UInt8) -> Bool {
    (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
  }

  static func lowercase(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
}
