import CNcurses
import DashboardKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The live terminal: the only object that talks to ncurses. Create one, ``blit(_:)`` canvases
/// and ``readEvents()`` from the thread that created it, and ``end()`` it (also done by
/// `deinit`). Usually driven by ``EventLoop``.
public final class TerminalSession {
  public struct Options: Sendable {
    public var palette: StylePalette
    /// How long a lone Esc waits for the rest of an escape sequence. ncurses' default is a
    /// second, which makes Esc feel broken; 25 ms is enough even over ssh for arrow keys.
    public var escapeDelayMilliseconds: Int32
    public var mouse: Bool
    /// `NO_COLOR` as the environment has it (nil when unset); injectable for tests.
    public var noColor: String?
    /// `COLORTERM` as the environment has it: `truecolor` or `24bit` asks for 24-bit colour,
    /// used when a direct-colour terminfo entry for the terminal exists.
    public var colorterm: String?

    public init(
      palette: StylePalette = .defaultDark, escapeDelayMilliseconds: Int32 = 25,
      mouse: Bool = true, noColor: String? = TerminalSession.environment("NO_COLOR"),
      colorterm: String? = TerminalSession.environment("COLORTERM")
    ) {
      self.palette = palette
      self.escapeDelayMilliseconds = escapeDelayMilliseconds
      self.mouse = mouse
      self.noColor = noColor
      self.colorterm = colorterm
    }
  }

  /// What the terminal can show, after `NO_COLOR` and its own limits.
  public private(set) var colorDepth: ColorDepth = .none
  /// The terminfo entry in use: `TERM`, or its direct-colour sibling (`xterm-direct`) when
  /// `COLORTERM` asks for true colour and that entry is installed.
  public let terminalType: String
  /// Whether characters are UTF-8: the environment's locale is, or a UTF-8 fallback could be
  /// set. Without it (`LANG=C` on a system with no UTF-8 locale) the screens use ASCII glyphs.
  public let isUTF8: Bool
  /// The pipe signal handlers write to; ``EventLoop`` polls it.
  var signalFD: Int32 { pipe.readFD }
  /// The fd keys arrive on.
  let inputFD: Int32 = STDIN_FILENO
  private let pipe: SelfPipe
  private let screen: OpaquePointer
  /// Keys are read from this 1×1 pad, not from `stdscr`: `wget_wch` on a window refreshes it
  /// first when it has changed, which after a resize sent a whole stale frame (at the old
  /// size) before the new one. A pad is never refreshed by reading.
  let inputPad: UnsafeMutablePointer<WINDOW>
  private(set) var styles: [(attr: attr_t, pair: Int16)] = []
  private var defaultColors = false
  private var ended = false
  let masks = KeyMapping.MouseMasks.ncurses

  /// Sets the terminal up for full-screen use, or throws before writing anything to it.
  public init(options: Options = Options()) throws(TerminalError) {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    guard !signalState.pointee.active else { throw .alreadyActive }
    isUTF8 = Self.chooseLocale()
    let term = Self.environment("TERM") ?? ""
    guard !term.isEmpty, cw_probe_terminal(term, STDOUT_FILENO) == 1 else {
      throw .unusableTerm(term)
    }
    var type = term
    if let direct = ColorDepth.directTerminal(term: term, colorterm: options.colorterm),
      cw_probe_terminal(direct, STDOUT_FILENO) == 1
    {
      type = direct
    }
    guard let pipe = SelfPipe() else { throw .setupFailed("cannot create the signal pipe") }
    // Before newterm: ncurses only takes SIGINT/SIGTERM when they are still at their default.
    Signals.install(ttyFD: STDOUT_FILENO, pipeWrite: pipe.writeFD)
    guard let screen = newterm(type, cw_stdout(), cw_stdin()) else {
      Signals.uninstall()
      pipe.closeBoth()
      throw .setupFailed("newterm failed for TERM=\(type)")
    }
    guard let pad = newpad(1, 1) else {
      _ = endwin()
      delscreen(screen)
      Signals.uninstall()
      pipe.closeBoth()
      throw .setupFailed("cannot create the input pad")
    }
    self.terminalType = type
    self.pipe = pipe
    self.screen = screen
    self.inputPad = pad
    signalState.pointee.active = true
    Signals.chainWinch()

    _ = set_escdelay(options.escapeDelayMilliseconds)
    _ = cbreak()  // keys at once, but Ctrl-C still raises SIGINT (handled cleanly)
    _ = noecho()
    _ = nonl()
    _ = keypad(inputPad, true)
    _ = nodelay(inputPad, true)  // poll() does the waiting; wget_wch only drains
    _ = leaveok(cw_stdscr(), true)
    _ = curs_set(0)
    if options.mouse {
      _ = mousemask(mmask_t(masks.requested), nil)
      _ = mouseinterval(200)
    }
    let wantsColor =
      has_colors()
      && ColorDepth.detect(
        hasColors: true, colors: 8, noColor: options.noColor) != .none
    if wantsColor {
      _ = start_color()
      defaultColors = use_default_colors() == OK
    }
    colorDepth = ColorDepth.detect(
      hasColors: wantsColor, colors: Int(cw_colors()), noColor: options.noColor)
    setPalette(options.palette)
  }

  deinit { end() }

  /// Gives the terminal back (`endwin`) and puts the signal handlers back. Idempotent.
  public func end() {
    guard !ended else { return }
    ended = true
    _ = delwin(inputPad)
    _ = endwin()
    delscreen(screen)
    Signals.uninstall()
    pipe.closeBoth()
    signalState.pointee.active = false
  }

  /// Current size in cells.
  public var size: (width: Int, height: Int) { (Int(cw_cols()), Int(cw_lines())) }

  /// Switches styles (the `t` key). Colour pairs are re-made from 1 within the terminal's
  /// limits (pairs left over from a bigger palette are simply no longer used), the window
  /// background takes the `text` role (so a theme that paints its background paints the
  /// cleared area too), and the next ``blit(_:)`` repaints every cell: cells whose character
  /// and pair number did not change must still show the new colours.
  public func setPalette(_ palette: StylePalette) {
    let plan = PairPlan.make(
      palette: palette, depth: colorDepth, colorPairs: Int(cw_color_pairs()),
      defaultColors: defaultColors)
    for pair in plan.pairs { _ = init_extended_pair(Int32(pair.number), pair.fg, pair.bg) }
    // Indexed by raw value so the blit loop does an array lookup, not a dictionary one.
    let count = Int(StyleRole.allCases.map(\.rawValue).max() ?? 0) + 1
    styles = Array(repeating: (cw_a_normal(), 0), count: count)
    for role in StyleRole.allCases {
      styles[Int(role.rawValue)] = (Self.attributes(palette[role]), plan.pairForRole[role] ?? 0)
    }
    let text = styles[Int(StyleRole.text.rawValue)]
    var blank = cchar_t()
    let space: [wchar_t] = [32, 0]
    _ = setcchar(&blank, space, text.attr, text.pair, nil)
    wbkgrndset(cw_stdscr(), &blank)
    _ = clearok(cw_stdscr(), true)
  }

  static func attributes(_ style: TextStyle) -> attr_t {
    var a = cw_a_normal()
    if style.bold { a |= cw_a_bold() }
    if style.dim { a |= cw_a_dim() }
    if style.reverse { a |= cw_a_reverse() }
    if style.underline { a |= cw_a_underline() }
    return a
  }

  @usableFromInline static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  /// `setlocale(LC_ALL, "")`, then a UTF-8 `LC_CTYPE` if the environment's is not (see
  /// ``LocaleChoice``). Only the character type is overridden: it is what width and decoding
  /// depend on, and the user's other categories stay theirs.
  /// Returns whether the character type is UTF-8 afterwards.
  static func chooseLocale() -> Bool {
    _ = setlocale(LC_ALL, "")
    let codeset = String(cString: cw_codeset())
    if LocaleChoice.isUTF8(codeset) { return true }
    for candidate in LocaleChoice.fallbacks(forCodeset: codeset) where setlocale(LC_CTYPE, candidate) != nil {
      return true
    }
    return false
  }
}

extension TerminalSession {
  /// Signal numbers the handlers have written since the last call.
  func pendingSignals() -> [Int32] { pipe.drain() }
}
