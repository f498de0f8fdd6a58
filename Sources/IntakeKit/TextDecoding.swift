import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Turns the bytes of a CSV file into text: UTF-8 with or without a byte-order mark, or GB18030
/// (what WPS and Excel on Chinese Windows write when "CSV" is chosen without "UTF-8"). Bytes
/// that are not valid UTF-8 are taken as GB18030, a superset of GBK and GB2312, converted with
/// the C library's iconv (Foundation on Linux has no GB18030 converter).
public enum TextDecoding {
  public enum Encoding: String, Sendable {
    case utf8 = "UTF-8", utf8BOM = "UTF-8 with BOM", gb18030 = "GB18030"
  }

  public struct DecodeError: Error, CustomStringConvertible {
    public var description: String
  }

  public static func decode(_ bytes: [UInt8]) throws -> (text: String, encoding: Encoding) {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      guard let s = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
        throw DecodeError(description: "starts with a UTF-8 byte-order mark but is not valid UTF-8")
      }
      return (s, .utf8BOM)
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw DecodeError(description: "is UTF-16 text; save it as \"CSV UTF-8\" (or plain CSV) instead")
    }
    if let s = String(validating: bytes, as: UTF8.self) { return (s, .utf8) }
    guard let s = gb18030(bytes) else {
      throw DecodeError(description: "is neither UTF-8 nor GB18030 text; save it as \"CSV UTF-8\"")
    }
    return (s, .gb18030)
  }

  /// GB18030 → String with iconv; nil when the bytes are not valid GB18030.
  static func gb18030(_ bytes: [UInt8]) -> String? {
    let cd = iconv_open("UTF-8", "GB18030")
    guard let cd, Int(bitPattern: UnsafeRawPointer(cd)) != -1 else { return nil }
    defer { iconv_close(cd) }
    var input = bytes.map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
    var written = 0
    let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
      output.withUnsafeMutableBufferPointer { outBuf in
        var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
        var inLeft = inBuf.count
        var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
        var outLeft = outBuf.count
        let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
        written = outBuf.count - outLeft
        return r != -1 && inLeft == 0
      }
    }
    guard ok else { return nil }
    return String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
