import CNcurses
import DashboardKit

/// Reading keys, mouse and resizes from ncurses without blocking (the session runs `nodelay`;
/// ``EventLoop`` waits in `poll`).
extension TerminalSession {
  /// Everything ncurses has decoded so far, oldest first; empty when nothing is waiting.
  public func readEvents() -> [Event] {
    var events: [Event] = []
    var value: wint_t = 0
    while true {
      let status = wget_wch(inputPad, &value)
      if status == ERR { break }
      if status == KEY_CODE_YES {
        let code = Int32(bitPattern: value)
        if code == KEY_RESIZE {
          let event = Event.resize(width: size.width, height: size.height)
          if events.last != event { events.append(event) }
        } else if code == KEY_MOUSE {
          var m = MEVENT()
          if cw_getmouse(&m) == OK,
            let mouse = KeyMapping.mouse(
              bstate: UInt(m.bstate), x: Int(m.x), y: Int(m.y), masks: masks)
          {
            events.append(.mouse(mouse))
          }
        } else if let key = KeyMapping.key(for: .functionKey(code)) {
          events.append(.key(key))
        }
      } else if let key = KeyMapping.key(for: .character(UInt32(value))) {
        events.append(.key(key))
      }
    }
    return events
  }
}
