/// `?`: every key, as an overlay on screen and as a page when printed.
enum HelpScreen {
  static func entries(_ s: Strings, glyphs: GlyphSet) -> [(String, String)] {
    let ascii = glyphs.isASCII
    return [
      ("1 – 8", s.helpOpenSubCommand),
      ("↑ ↓  j k", s.helpMove),
      ("PgUp PgDn", s.helpPage),
      ("Home End", s.helpEnds),
      ("Enter → l", s.helpOpen),
      (ascii ? "Esc ← h BkSp" : "Esc ← h ⌫", s.helpBack),
      (ascii ? "Tab S-Tab" : "Tab ⇧Tab", s.helpTabs),
      ("[ ]", s.helpWeek),
      ("{ }", s.helpMeeting),
      ("0", s.helpToday),
      ("n N", s.helpNext),
      ("a", s.helpRotate),
      ("f g o", s.helpLedger),
      ("/", s.helpFilter),
      ("s", s.helpSort),
      ("p", s.helpPrint),
      ("t", s.helpTheme),
      ("r", s.helpReload),
      ("?", s.helpHelp),
      ("q", s.keyQuit),
      (s.mouse, s.helpMouse),
    ]
  }

  /// A bordered panel in the middle of the screen. How to close it is in its title, so it shows
  /// even when the keys fill every row of a 24-row screen.
  static func overlay(_ c: inout Canvas, s: Strings, glyphs: GlyphSet) {
    let rows = entries(s, glyphs: glyphs).map { TextLayout.pad($0.0, to: 14) + "  " + $0.1 }
    Overlay(title: "\(s.help) · \(s.pressAnyKeyToClose)", lines: rows, glyphs: glyphs).draw(into: &c)
  }
}
