import Glibc
import Testing

@testable import DashboardKit

/// glibc's `wcwidth`, looked up at run time: it is not visible through the Glibc module in
/// Swift. The locale is set once to C.UTF-8 (without a UTF-8 locale wcwidth says -1 for all
/// non-ASCII).
struct LibC: @unchecked Sendable {
  let wcwidthFn: @convention(c) (Int32) -> Int32

  static let shared: LibC = {
    setlocale(LC_ALL, "C.UTF-8")
    let handle = dlopen(nil, RTLD_NOW)
    guard let sym = dlsym(handle, "wcwidth") else { fatalError("wcwidth not found") }
    return LibC(wcwidthFn: unsafeBitCast(sym, to: (@convention(c) (Int32) -> Int32).self))
  }()

  static func wcwidth(_ v: UInt32) -> Int { Int(shared.wcwidthFn(Int32(bitPattern: v))) }

  /// Width of a grapheme the way a wcwidth-based terminal adds it up, except that emoji
  /// sequences count 2 (our documented choice); nil if any scalar is non-printable (-1).
  static func graphemeWidth(_ c: Character) -> Int? {
    let scalars = Array(c.unicodeScalars)
    if scalars.count > 1, DisplayWidth.isEmojiSequence(first: scalars[0], c.unicodeScalars) {
      return 2
    }
    var sum = 0
    for s in scalars {
      let w = wcwidth(s.value)
      if w < 0 { return nil }
      sum += w
    }
    return sum
  }
}

/// Every row of `canvas` is exactly `canvas.width` display columns, by our measure and by
/// glibc's, every cell's width matches its text, and no cell contains anything that glibc
/// calls non-printable (controls would be -1).
func assertRowsExactWidth(
  _ canvas: Canvas, sourceLocation: SourceLocation = #_sourceLocation
) {
  for y in 0..<canvas.height {
    let line = canvas.line(y)
    #expect(
      DisplayWidth.of(line) == canvas.width, "row \(y): \(line)", sourceLocation: sourceLocation)
    var libc = 0
    for c in line {
      guard let w = LibC.graphemeWidth(c) else {
        Issue.record("row \(y) has a non-printable in \(c.debugDescription)", sourceLocation: sourceLocation)
        continue
      }
      libc += w
    }
    #expect(libc == canvas.width, "row \(y) by wcwidth: \(line)", sourceLocation: sourceLocation)
    for x in 0..<canvas.width {
      let cell = canvas[x, y]
      if cell.isContinuation {
        #expect(x > 0 && canvas[x - 1, y].width == 2, sourceLocation: sourceLocation)
      } else {
        #expect(
          DisplayWidth.of(cell.text) == Int(cell.width), "cell \(x),\(y) \(cell.text.debugDescription)",
          sourceLocation: sourceLocation)
        if cell.width == 2 {
          #expect(x + 1 < canvas.width && canvas[x + 1, y].isContinuation, sourceLocation: sourceLocation)
        }
      }
    }
  }
}
