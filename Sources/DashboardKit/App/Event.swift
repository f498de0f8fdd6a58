/// Everything that can happen to the dashboard, already decoded from the terminal (or a test).
/// `App.update(_:)` is a pure function of these; the terminal layer only translates.
public enum Event: Equatable, Sendable {
  case key(Key)
  case mouse(MouseEvent)
  case resize(width: Int, height: Int)
  /// The clock ticked (toasts expire, rotation advances); carries seconds since start.
  case tick(Double)
  /// Files of the campaign directory changed (paths relative to it; `["*"]`: look at them all).
  /// `App.update` ignores it: the runner reloads the data and then renders.
  case filesChanged([String])
  /// What an effect the app asked for came to (a snapshot saved, a theme switched, a reload
  /// that found errors), said back by the runner as a short message.
  case toast(String, isError: Bool)
  /// What a submitted entry form came to (written, or refused and why).
  case entry(EntryOutcome)
}

/// A key press, named by meaning rather than by terminal code.
public enum Key: Equatable, Sendable, Hashable {
  case char(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, backspace, tab, backTab
  case ctrl(Character)
  /// A function key, F1 … F12.
  case function(Int)
}

public struct MouseEvent: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case press, doubleClick, wheelUp, wheelDown
  }
  public var kind: Kind
  public var x: Int
  public var y: Int
  public init(kind: Kind, x: Int, y: Int) {
    self.kind = kind
    self.x = x
    self.y = y
  }
}
