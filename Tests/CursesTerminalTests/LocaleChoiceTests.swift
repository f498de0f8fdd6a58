import Testing

@testable import CursesTerminal

@Suite("locale choice")
struct LocaleChoiceTests {
  @Test(arguments: ["UTF-8", "utf-8", "utf8", "UTF8"])
  func utf8IsKept(codeset: String) {
    #expect(LocaleChoice.fallbacks(forCodeset: codeset).isEmpty)
  }

  /// glibc reports "ANSI_X3.4-1968" for LANG=C or unset; macOS reports "US-ASCII".
  @Test(arguments: ["ANSI_X3.4-1968", "US-ASCII", "ISO-8859-1", "GB18030", ""])
  func otherCodesetsSwitchToCUTF8First(codeset: String) {
    #expect(LocaleChoice.fallbacks(forCodeset: codeset).first == "C.UTF-8")
  }
}
