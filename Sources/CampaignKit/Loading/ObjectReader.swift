/// Reads the fields of one JSON object with its place in the file, reporting wrong types,
/// missing required fields and bad values to ``Diagnostics`` instead of throwing, and warning
/// about fields it was never asked for (probably typos) when ``finish()`` is called.
///
/// JSON paths are written out only for a finding (``JSONPlace``): every message's path is an
/// autoclosure, so a field that is fine costs no string.
final class ObjectReader {
  let object: JSONObject
  /// Where the object is: `container` itself, or element `index` of the array `container`
  /// (then its own place is made only when a nested object needs it; a site names the
  /// container and the index, so the thousands of objects of an array make no place each).
  private let container: JSONPlace
  private let index: Int
  /// The object's own place (for the objects and arrays inside it).
  private(set) lazy var place: JSONPlace = index >= 0 ? container.element(index) : container
  let position: SourcePosition
  let diag: Diagnostics
  /// Keys asked for, in order; objects are small, so a linear list beats hashing here.
  private var asked: [String] = []
  /// Which members were read, by index.
  private var read: [Bool]

  init(
    _ object: JSONObject, in container: JSONPlace, index: Int = -1, position: SourcePosition,
    diag: Diagnostics
  ) {
    self.object = object
    self.container = container
    self.index = index
    self.position = position
    self.diag = diag
    self.read = Array(repeating: false, count: object.members.count)
  }

  /// An object reader for `node`, or an error when it is not an object.
  static func make(_ node: JSONNode, at place: JSONPlace, diag: Diagnostics, what: String = "an object")
    -> ObjectReader?
  {
    guard case .object(let o) = node.value else {
      diag.error("expected \(what), found \(describeFound(node.value))", at: node.position, path: place.text)
      return nil
    }
    return ObjectReader(o, in: place, position: node.position, diag: diag)
  }

  /// An object reader for an element that ``array(_:required:)`` gave.
  static func make(_ element: Element, diag: Diagnostics, what: String = "an object") -> ObjectReader? {
    guard case .object(let o) = element.node.value else {
      diag.error(
        "expected \(what), found \(describeFound(element.node.value))", at: element.node.position,
        path: element.path)
      return nil
    }
    return ObjectReader(
      o, in: element.array, index: element.index, position: element.node.position, diag: diag)
  }

  /// The object's JSON path (written out on each call: for findings).
  var path: String { SitePath(container, index: index).text }

  /// Where the field `key` of this object is, for a site checked later.
  func site(_ key: String) -> SitePath { SitePath(container, index: index, key) }

  func path(_ key: String) -> String { joinPath(path, key) }

  /// The node of `key`, marking it read; reports it missing when `required`. `null` counts as
  /// absent for optional fields.
  func node(_ key: String, required: Bool) -> JSONNode? {
    asked.append(key)
    var found: JSONNode?
    // By index: iterating the members would copy each one (its key and value retained).
    let members = object.members
    for i in members.indices where members[i].key == key {
      read[i] = true
      if found == nil { found = members[i].value }
    }
    guard let n = found else {
      if required { diag.error("missing required field \"\(key)\"", at: position, path: path) }
      return nil
    }
    if case .null = n.value, !required { return nil }
    return n
  }

  func string(_ key: String, required: Bool = true, nonEmpty: Bool = true) -> String? {
    guard let n = node(key, required: required) else { return nil }
    guard case .string(let s) = n.value else {
      diag.error("expected a string, found \(describeFound(n.value))", at: n.position, path: path(key))
      return nil
    }
    if nonEmpty && ObjectReader.isBlank(s) {
      diag.error("expected a non-empty string", at: n.position, path: path(key))
      return nil
    }
    return s
  }

  /// Empty or whitespace only. A first scalar that is not whitespace answers at once (nearly
  /// every id, name and place, in Chinese too): a character is whitespace by its first scalar,
  /// so the string has a character that is not. Walking a string's characters breaks it into
  /// graphemes, which was a tenth of decoding indicators.json.
  static func isBlank(_ s: String) -> Bool {
    guard let byte = s.utf8.first else { return true }
    if byte < 0x80 {
      if byte != 0x20 && !(0x09...0x0D).contains(byte) { return false }
    } else if let first = s.unicodeScalars.first, !first.properties.isWhitespace {
      return false
    }
    return s.allSatisfy(\.isWhitespace)
  }

  func number(_ key: String, required: Bool = true, minimum: Double? = 0, positive: Bool = false) -> Double? {
    guard let n = node(key, required: required) else { return nil }
    return ObjectReader.number(n, path: path(key), diag: diag, minimum: minimum, positive: positive)
  }

  static func number(
    _ n: JSONNode, path: @autoclosure () -> String, diag: Diagnostics, minimum: Double? = 0,
    positive: Bool = false
  )
    -> Double?
  {
    guard case .number(let d) = n.value else {
      diag.error("expected a number, found \(describeFound(n.value))", at: n.position, path: path())
      return nil
    }
    guard d.isFinite else {
      diag.error("expected a finite number, found \(d)", at: n.position, path: path())
      return nil
    }
    if positive && d <= 0 {
      diag.error("expected a number greater than 0, found \(formatNumber(d))", at: n.position, path: path())
      return nil
    }
    if let m = minimum, d < m {
      diag.error(
        "expected a number ≥ \(formatNumber(m)), found \(formatNumber(d))", at: n.position, path: path())
      return nil
    }
    return d
  }

  func integer(_ key: String, required: Bool = true, range: ClosedRange<Int>) -> Int? {
    guard let n = node(key, required: required) else { return nil }
    guard case .number(let d) = n.value, d == d.rounded(), d.isFinite else {
      diag.error(
        "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(describeFound(n.value))",
        at: n.position, path: path(key))
      return nil
    }
    guard d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
      diag.error(
        "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(formatNumber(d))",
        at: n.position, path: path(key))
      return nil
    }
    return Int(d)
  }

  /// A `YYYY-MM-DD` date; also remembered with its position for the period check.
  func day(_ key: String, required: Bool = true) -> Day? {
    guard let n = node(key, required: required) else { return nil }
    return ObjectReader.day(n, path: path(key), diag: diag)
  }

  static func day(_ n: JSONNode, path: @autoclosure () -> String, diag: Diagnostics) -> Day? {
    guard case .string(let s) = n.value else {
      diag.error(
        "expected a date as \"YYYY-MM-DD\", found \(describeFound(n.value))", at: n.position, path: path())
      return nil
    }
    guard let d = Day(s) else {
      diag.error(
        "expected a date as \"YYYY-MM-DD\", found \(describeFound(n.value))", at: n.position, path: path())
      return nil
    }
    return d
  }

  func choice<E: RawRepresentable & CaseIterable>(_ key: String, required: Bool = true, as: E.Type) -> E?
  where E.RawValue == String {
    guard let n = node(key, required: required) else { return nil }
    guard case .string(let s) = n.value, let e = E(rawValue: s) else {
      let options = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
      diag.error(
        "expected one of \(options), found \(describeFound(n.value))", at: n.position, path: path(key))
      return nil
    }
    return e
  }

  func object(_ key: String, required: Bool = true) -> ObjectReader? {
    guard let n = node(key, required: required) else { return nil }
    return ObjectReader.make(n, at: place.member(key), diag: diag)
  }

  /// One element of an array field: its node and its place (`key[index]`), made only when an
  /// object is read from it or a finding names it.
  struct Element {
    var node: JSONNode
    var array: JSONPlace
    var index: Int
    var place: JSONPlace { array.element(index) }
    var path: String { place.text }
  }

  /// The elements of an array field.
  func array(_ key: String, required: Bool = true) -> [Element]? {
    guard let n = node(key, required: required) else { return nil }
    guard case .array(let a) = n.value else {
      diag.error("expected an array, found \(describeFound(n.value))", at: n.position, path: path(key))
      return nil
    }
    let base = place.member(key)
    return a.indices.map { Element(node: a[$0], array: base, index: $0) }
  }

  /// The strings of an array field, with where each is (a finding for anything else).
  func stringArray(_ key: String, required: Bool = false) -> [(
    value: String, position: SourcePosition, site: SitePath
  )] {
    guard let items = array(key, required: required) else { return [] }
    var out: [(String, SourcePosition, SitePath)] = []
    out.reserveCapacity(items.count)
    for e in items {
      if case .string(let s) = e.node.value {
        var site = SitePath(e.array)
        site.index = e.index
        out.append((s, e.node.position, site))
      } else {
        diag.error(
          "expected a string, found \(describeFound(e.node.value))", at: e.node.position, path: e.path)
      }
    }
    return out
  }

  /// Warns about fields nobody read (with a suggestion when one is close to a known field) and
  /// reports keys given twice.
  func finish(known extra: [String] = []) {
    let members = object.members
    // Objects are small: comparing each key with the ones before it beats hashing them into a
    // set (that was a sixth of decoding indicators.json and problems.json).
    var seen = members.count > 24 ? Set<String>() : nil
    for (i, m) in members.enumerated() {
      let repeated: Bool
      if seen != nil {
        repeated = !seen!.insert(m.key).inserted
      } else {
        repeated = members[..<i].contains { $0.key == m.key }
      }
      if repeated {
        diag.error("field \"\(m.key)\" is given twice", at: m.keyPosition, path: path(m.key))
        continue
      }
      if !read[i] && !extra.contains(m.key) {
        var msg = "unknown field \"\(m.key)\" is ignored"
        if let best = nearMatches(m.key, in: asked + extra, limit: 1).first {
          msg += " (did you mean \"\(best)\"?)"
        }
        diag.warning(msg, at: m.keyPosition, path: path(m.key))
        // Ignored, but still JSON this file claims to be: a key given twice inside it is as
        // wrong as anywhere else (and a later version that reads the field would misread it).
        Self.reportDuplicateKeys(in: m.value, path: path(m.key), diag: diag)
      }
    }
  }

  /// Every key given twice in any object inside `node`.
  static func reportDuplicateKeys(in node: JSONNode, path: String, diag: Diagnostics) {
    var pending: [(JSONNode, String)] = [(node, path)]
    while let (n, p) = pending.popLast() {
      switch n.value {
      case .object(let o):
        var seen = Set<String>()
        for m in o.members {
          if !seen.insert(m.key).inserted {
            diag.error("field \"\(m.key)\" is given twice", at: m.keyPosition, path: joinPath(p, m.key))
          }
          pending.append((m.value, joinPath(p, m.key)))
        }
      case .array(let a):
        for (i, item) in a.enumerated() { pending.append((item, "\(p)[\(i)]")) }
      default:
        break
      }
    }
  }

}
