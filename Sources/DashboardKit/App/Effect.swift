/// Something the user asked for that a pure `update` cannot do itself (it would need files, the
/// terminal or the clock). `App.update` appends effects; the runner performs them, then clears
/// the list and may report back with `App.showToast`.
public enum Effect: Equatable, Sendable {
  /// `p`: write a snapshot of the current view.
  case snapshot
  /// `t`: switch to the next theme.
  case nextTheme
  /// `:theme NAME`: switch to the named theme.
  case theme(String)
  /// `r`: read the campaign directory again.
  case reload
  /// Enter in the entry form: check and write it (``EntryForm``); the outcome comes back as
  /// ``Event/entry(_:)``.
  case submit(EntryForm)
}

/// A short message shown in a corner, that goes away by itself.
public struct ToastMessage: Equatable, Sendable {
  public var text: String
  /// Seconds (on the tick clock) after which it is hidden.
  public var until: Double
  public var isError: Bool

  public init(text: String, until: Double, isError: Bool = false) {
    self.text = text
    self.until = until
    self.isError = isError
  }
}
