import DashboardKit
import Testing

@testable import CursesTerminal

@Suite("event loop arithmetic and glyphs")
struct EventLoopTests {
  @Test func pollTimeout() {
    let now = ContinuousClock.now
    #expect(EventLoop.timeoutMilliseconds(until: nil, now: now) == -1)
    #expect(EventLoop.timeoutMilliseconds(until: now.advanced(by: .milliseconds(1500)), now: now) == 1500)
    // Never 0 early: a wake-up 0.2 ms away still waits a whole millisecond.
    #expect(EventLoop.timeoutMilliseconds(until: now.advanced(by: .microseconds(200)), now: now) == 1)
    #expect(EventLoop.timeoutMilliseconds(until: now.advanced(by: .seconds(-1)), now: now) == 0)
  }

  @Test func exitCodes() {
    #expect(ExitReason.quit.exitCode == 0)
    #expect(ExitReason.signal(2).exitCode == 130)
    #expect(ExitReason.signal(15).exitCode == 143)
    #expect(ExitReason.signal(1).exitCode == 129)
  }

  @Test func controlCharactersNeverReachTheTerminal() {
    #expect(Glyph.make("\u{1B}", width: 1).scalars == [63])
    #expect(Glyph.make("\u{9B}", width: 1).scalars == [63])
    #expect(Glyph.make("a", width: 1).scalars == [97])
    #expect(Glyph.make("", width: 1).scalars == [32])
  }

  @Test func signalResetSequenceLeavesEverything() {
    let reset = String(decoding: Signals.resetSequence, as: UTF8.self)
    for part in [
      "\u{1B}[?1049l", "\u{1B}[?25h", "\u{1B}[0m", "\u{1B}[?1000l", "\u{1B}[?1002l", "\u{1B}[?1006l",
    ] {
      #expect(reset.contains(part))
    }
  }
}
