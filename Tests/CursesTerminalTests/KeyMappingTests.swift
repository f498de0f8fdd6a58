import CNcurses
import DashboardKit
import Testing

@testable import CursesTerminal

@Suite("key mapping")
struct KeyMappingTests {
  @Test(arguments: [
    (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
    (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
    (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_BTAB, .backTab),
  ])
  func functionKeys(code: Int32, key: Key) {
    #expect(KeyMapping.key(for: .functionKey(code)) == key)
  }

  @Test func functionKeysF1ToF12() {
    #expect(KeyMapping.key(for: .functionKey(KEY_F0 + 1)) == .function(1))
    #expect(KeyMapping.key(for: .functionKey(KEY_F0 + 10)) == .function(10))
  }

  @Test func unknownFunctionKeysAreDropped() {
    #expect(KeyMapping.key(for: .functionKey(KEY_F0 + 13)) == nil)
    #expect(KeyMapping.key(for: .functionKey(KEY_IC)) == nil)
  }

  @Test(arguments: [
    (UInt32(10), Key.enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
    (9, .tab), (1, .ctrl("a")), (3, .ctrl("c")), (26, .ctrl("z")), (0, .ctrl("@")),
    (28, .ctrl("\\")), (31, .ctrl("_")),
  ])
  func controlCodes(value: UInt32, key: Key) {
    #expect(KeyMapping.key(for: .character(value)) == key)
  }

  @Test func printableCharactersIncludingChinese() {
    #expect(KeyMapping.key(for: .character(UInt32(UInt8(ascii: "q")))) == .char("q"))
    #expect(KeyMapping.key(for: .character(32)) == .char(" "))
    #expect(KeyMapping.key(for: .character(0x6D2A)) == .char("洪"))
    #expect(KeyMapping.key(for: .character(0x1F600)) == .char("😀"))
  }

  @Test func c1ControlsAndInvalidScalarsAreDropped() {
    #expect(KeyMapping.key(for: .character(0x9B)) == nil)
    #expect(KeyMapping.key(for: .character(0xD800)) == nil)
    #expect(KeyMapping.key(for: .character(0x110000)) == nil)
  }

  @Test func mouse() {
    let m = KeyMapping.MouseMasks(click: 1, press: 2, doubleClick: 4, wheelUp: 8, wheelDown: 16)
    #expect(KeyMapping.mouse(bstate: 1, x: 3, y: 4, masks: m) == MouseEvent(kind: .press, x: 3, y: 4))
    #expect(KeyMapping.mouse(bstate: 2, x: 0, y: 0, masks: m)?.kind == .press)
    #expect(KeyMapping.mouse(bstate: 4, x: 0, y: 0, masks: m)?.kind == .doubleClick)
    #expect(KeyMapping.mouse(bstate: 8, x: 0, y: 0, masks: m)?.kind == .wheelUp)
    #expect(KeyMapping.mouse(bstate: 16, x: 0, y: 0, masks: m)?.kind == .wheelDown)
    #expect(KeyMapping.mouse(bstate: 32, x: 0, y: 0, masks: m) == nil)
    #expect(m.requested & m.press == 0)  // asking for presses would double every click
  }

  @Test func ncursesMasksAreDistinct() {
    let m = KeyMapping.MouseMasks.ncurses
    let bits = [m.click, m.press, m.doubleClick, m.wheelUp, m.wheelDown]
    #expect(Set(bits).count == 5 && !bits.contains(0))
  }
}
