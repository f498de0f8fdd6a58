/// Recognises a file saved as UTF-16 or UTF-32 (Windows editors' "Unicode"), by its byte-order
/// mark or by the NUL bytes ASCII characters leave in those encodings. Without this the parser
/// would call the file "invalid UTF-8 … such as GBK", which sends the user the wrong way.
enum UnicodeSniffer {
  /// The encoding's iconv name (`UTF-16LE`), or nil for anything else.
  static func otherUnicode(_ b: UnsafeBufferPointer<UInt8>) -> String? {
    let n = b.count
    if n >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 { return "UTF-32LE" }
    if n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF { return "UTF-32BE" }
    if n >= 2 && b[0] == 0xFF && b[1] == 0xFE { return "UTF-16LE" }
    if n >= 2 && b[0] == 0xFE && b[1] == 0xFF { return "UTF-16BE" }
    guard n >= 4 else { return nil }
    if b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 { return "UTF-32LE" }
    if b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0 { return "UTF-32BE" }
    if b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0 { return "UTF-16LE" }
    if b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0 { return "UTF-16BE" }
    return nil
  }

  static func message(_ encoding: String) -> String {
    let family = encoding.hasPrefix("UTF-32") ? "UTF-32" : "UTF-16"
    return "the file is in \(family) (\(encoding)), not UTF-8; convert it with "
      + "iconv -f \(encoding) -t UTF-8 FILE > FILE.utf8 && mv FILE.utf8 FILE (and drop any byte-order mark)"
  }
}
