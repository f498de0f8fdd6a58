/// A JSON syntax error: what is wrong and how to fix it, and where.
///
/// For constructs that are never closed (strings, arrays, objects) the position is that of the
/// opening quote or bracket and the message says so.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  /// English, actionable, e.g. "trailing comma before ']' (remove the comma)".
  public var message: String
  public var position: SourcePosition

  public init(message: String, position: SourcePosition) {
    self.message = message
    self.position = position
  }

  /// "3:17: message"
  public var description: String { "\(position): \(message)" }
}
