import CampaignKit

/// Why a theme could not be used, said like a compiler diagnostic:
/// `themes/dusk.json:14:5: roles.titel: unknown role "titel"; valid roles: text, dim, …`.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// No theme of that name, and it is not a readable file (a usage error).
    case notFound
    /// The file cannot be read.
    case unreadable
    /// The file is not a valid theme: bad JSON, an unknown or missing role, a bad colour…
    case invalid
  }

  public var kind: Kind
  /// The file, as given or found; empty for a name that matched nothing.
  public var file: String
  public var position: SourcePosition?
  /// JSON path of the offending key (`roles.title.fg`); empty for the whole file.
  public var path: String
  /// What is wrong and what would be valid.
  public var message: String

  public init(_ kind: Kind, file: String, position: SourcePosition? = nil, path: String = "", message: String)
  {
    self.kind = kind
    self.file = file
    self.position = position
    self.path = path
    self.message = message
  }

  public var description: String {
    var s = file
    if let p = position, p != .synthesized { s += ":\(p.line):\(p.column)" }
    if !path.isEmpty { s += (s.isEmpty ? "" : ": ") + path }
    return s.isEmpty ? message : s + ": " + message
  }
}
