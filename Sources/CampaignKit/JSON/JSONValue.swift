/// The JSON document model shared by the parser, the writer and the campaign loader.
///
/// Every parsed value remembers where it started (`JSONNode.position`) so that semantic checks
/// can point at the line and column of the offending value. Values built in code carry
/// `SourcePosition.synthesized` (line 0, column 0).

/// 1-based line and column; column counts Unicode scalars from the start of the line.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The position of values that were built in code rather than parsed (0:0).
  public static let synthesized = SourcePosition(line: 0, column: 0)

  /// "3:17"
  public var description: String { "\(line):\(column)" }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }
}

/// A value together with the position where it starts in the source text.
public struct JSONNode: Sendable {
  public var value: JSONValue
  /// Where the value starts (its first character: the quote, bracket, sign or digit).
  public var position: SourcePosition

  public init(value: JSONValue, position: SourcePosition) {
    self.value = value
    self.position = position
  }

  /// A node built in code (position `SourcePosition.synthesized`).
  public init(_ value: JSONValue) {
    self.value = value
    self.position = .synthesized
  }
}

/// A JSON value. Equality (`==`) is structural: positions are ignored, object members are compared
/// in order (duplicates included), numbers with `Double`'s `==`.
///
/// Build values in code with literals (`let v: JSONValue = ["id": "a", "n": [1, 2.5, nil]]`;
/// dictionary literals keep their order) or with `.object(pairs:)` / `.array(values:)`.
public enum JSONValue: Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONNode])
  case object(JSONObject)
}

/// Keys in document order; duplicates are kept (the caller reports them).
public struct JSONObject: Sendable {
  public var members: [JSONMember]

  public init(members: [JSONMember] = []) {
    self.members = members
  }

  /// An object built in code from key/value pairs, in order.
  public init(_ pairs: [(String, JSONValue)]) {
    self.members = pairs.map { JSONMember(key: $0.0, value: JSONNode($0.1)) }
  }

  /// The first member with this key.
  public subscript(key: String) -> JSONNode? {
    for member in members where member.key == key { return member.value }
    return nil
  }

  /// The first member with this key (gives access to `keyPosition`).
  public func member(_ key: String) -> JSONMember? {
    for member in members where member.key == key { return member }
    return nil
  }

  /// The keys in document order, duplicates included.
  public var keys: [String] { members.map(\.key) }

  /// Members whose key already appeared earlier in the object, in document order.
  public var duplicateMembers: [JSONMember] {
    var seen = Set<String>()
    return members.filter { !seen.insert($0.key).inserted }
  }
}

public struct JSONMember: Sendable {
  public var key: String
  /// Where the key's opening quote is.
  public var keyPosition: SourcePosition
  public var value: JSONNode

  public init(key: String, keyPosition: SourcePosition = .synthesized, value: JSONNode) {
    self.key = key
    self.keyPosition = keyPosition
    self.value = value
  }
}

// MARK: - Inspecting values

extension JSONValue {
  /// For messages like "expected a number, found a string".
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }

  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  public var numberValue: Double? {
    if case .number(let d) = self { return d }
    return nil
  }

  /// The number as an `Int` if it is integral and representable (2.0 → 2; 2.5 → nil).
  public var intValue: Int? {
    // Int(exactly:) and rounded() call into libm, which this target does not link.
    guard case .number(let d) = self, d >= -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0
    else { return nil }
    let integer = Int(d)
    return Double(integer) == d ? integer : nil
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var arrayValue: [JSONNode]? {
    if case .array(let a) = self { return a }
    return nil
  }

  public var objectValue: JSONObject? {
    if case .object(let o) = self { return o }
    return nil
  }
}

// MARK: - Building values in code

extension JSONValue {
  /// An object from key/value pairs, in order (duplicates kept).
  public static func object(pairs: [(String, JSONValue)]) -> JSONValue {
    .object(JSONObject(pairs))
  }

  /// An array from values.
  public static func array(values: [JSONValue]) -> JSONValue {
    .array(values.map { JSONNode($0) })
  }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(values: elements) }
  /// Keeps the literal's order and any duplicate keys.
  public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(pairs: elements) }
}

// MARK: - Structural equality (positions ignored)

extension JSONValue: Equatable {
  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.value == $1.value }
    case (.object(let x), .object(let y)): return x == y
    default: return false
    }
  }
}

extension JSONObject: Equatable {
  /// Same keys and values in the same order; positions ignored.
  public static func == (a: JSONObject, b: JSONObject) -> Bool {
    a.members.count == b.members.count
      && zip(a.members, b.members).allSatisfy { $0.key == $1.key && $0.value.value == $1.value.value }
  }
}
