// TEMPORARY: stands in for the real parser (branch h2) until it lands. Positions are fake.
import Foundation

public struct SourcePosition: Equatable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) { self.line = line; self.column = column }
  public var description: String { "\(line):\(column)" }
}
public struct JSONNode: Sendable {
  public var value: JSONValue
  public var position: SourcePosition
}
public enum JSONValue: Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONNode])
  case object(JSONObject)
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
}
public struct JSONObject: Sendable {
  public var members: [JSONMember]
  public subscript(key: String) -> JSONNode? { members.first { $0.key == key }?.value }
}
public struct JSONMember: Sendable {
  public var key: String
  public var keyPosition: SourcePosition
  public var value: JSONNode
}
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public var position: SourcePosition
  public var description: String { "\(position): \(message)" }
}
public enum JSONParser {
  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
    if bytes.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) {
      throw JSONSyntaxError(message: "the file is empty (expected a JSON object)", position: .init(line: 1, column: 1))
    }
    do {
      let any = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
      return convert(any)
    } catch {
      throw JSONSyntaxError(message: "invalid JSON", position: .init(line: 1, column: 1))
    }
  }
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode { try parse(Array(text.utf8)) }
  static func convert(_ any: Any) -> JSONNode {
    let p = SourcePosition(line: 1, column: 1)
    switch any {
    case is NSNull: return JSONNode(value: .null, position: p)
    case let b as Bool where type(of: any) != NSNumber.self && "\(type(of: any))".contains("Bool"): return JSONNode(value: .bool(b), position: p)
    case let n as NSNumber: return JSONNode(value: .number(n.doubleValue), position: p)
    case let s as String: return JSONNode(value: .string(s), position: p)
    case let a as [Any]: return JSONNode(value: .array(a.map(convert)), position: p)
    case let d as [String: Any]:
      return JSONNode(value: .object(JSONObject(members: d.keys.sorted().map { JSONMember(key: $0, keyPosition: p, value: convert(d[$0]!)) })), position: p)
    default: return JSONNode(value: .null, position: p)
    }
  }
}
