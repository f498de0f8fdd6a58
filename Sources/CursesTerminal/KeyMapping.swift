import CNcurses
import DashboardKit

/// What one `wget_wch` call returned, before any meaning is given to it. Keeping it a plain value
/// lets the code → ``Event`` mapping be a pure, unit-tested function.
public enum RawInput: Equatable, Sendable {
  /// `OK`: a character (a Unicode scalar value, or a control code below 32).
  case character(UInt32)
  /// `KEY_CODE_YES`: a function key code such as `KEY_UP`.
  case functionKey(Int32)
}

/// Translates terminal input codes into ``Key`` values. Resize and mouse codes need the terminal
/// to finish (size, `getmouse`), so they are recognised here but decoded by the session.
public enum KeyMapping {
  public static func key(for input: RawInput) -> Key? {
    switch input {
    case .functionKey(let code): return functionKey(code)
    case .character(let value): return character(value)
    }
  }

  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_BTAB: return .backTab
    case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
    default: return nil
    }
  }

  static func character(_ value: UInt32) -> Key? {
    switch value {
    // 13 arrives because the session turns CR→NL translation off (nonl), 10 from pipes/paste.
    case 10, 13: return .enter
    case 27: return .escape
    case 127, 8: return .backspace
    case 9: return .tab
    case 0: return .ctrl("@")
    case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 96)))  // 1 → "a"
    case 28...31: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 64)))  // 28 → "\\"
    case 0x80...0x9F: return nil  // C1 controls: never printable, never keys
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .char(Character(scalar))
    }
  }

  /// The ncurses mouse-state bits this layer asks for and understands.
  public struct MouseMasks: Sendable {
    public var click: UInt, press: UInt, doubleClick: UInt, wheelUp: UInt, wheelDown: UInt
    /// What to pass to `mousemask`: not plain presses, or every click would arrive twice.
    public var requested: UInt { click | doubleClick | wheelUp | wheelDown }
    static let ncurses = MouseMasks(
      click: UInt(cw_button1_clicked()), press: UInt(cw_button1_pressed()),
      doubleClick: UInt(cw_button1_double_clicked()),
      wheelUp: UInt(cw_button4_pressed()), wheelDown: UInt(cw_button5_pressed()))
  }

  /// Decodes a `getmouse` state into a ``MouseEvent``; other buttons and releases are dropped.
  public static func mouse(bstate: UInt, x: Int, y: Int, masks: MouseMasks) -> MouseEvent? {
    let kind: MouseEvent.Kind
    if bstate & masks.doubleClick != 0 {
      kind = .doubleClick
    } else if bstate & (masks.click | masks.press) != 0 {
      kind = .press
    } else if bstate & masks.wheelUp != 0 {
      kind = .wheelUp
    } else if bstate & masks.wheelDown != 0 {
      kind = .wheelDown
    } else {
      return nil
    }
    return MouseEvent(kind: kind, x: x, y: y)
  }
}
