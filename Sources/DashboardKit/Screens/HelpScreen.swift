/// `?` / F1: the keys from ``Keymap``, as an overlay on screen and as a page when printed.
enum HelpScreen {
  /// (keys, what they do): the keys of `page` first, then every other key, then the mouse.
  static func entries(_ s: Strings, glyphs: GlyphSet, page: Page = .overview) -> [(String, String)] {
    Keymap.helpOrder(on: page).map { ($0.label(ascii: glyphs.isASCII), $0.help(s.language)) }
      + [(s.mouse, s.helpMouse)]
  }

  /// A bordered panel in the middle of the screen. How to close it is in its title, so it shows
  /// even when the keys fill every row of a 24-row screen.
  static func overlay(_ c: inout Canvas, s: Strings, glyphs: GlyphSet, page: Page) {
    let rows = entries(s, glyphs: glyphs, page: page).map { TextLayout.pad($0.0, to: 14) + "  " + $0.1 }
    Overlay(title: "\(s.help) · \(s.pressAnyKeyToClose)", lines: rows, glyphs: glyphs).draw(into: &c)
  }
}
