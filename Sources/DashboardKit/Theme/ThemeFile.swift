import CampaignKit

/// Reading a theme from its JSON text (format in docs/themes.md, schema in
/// docs/schema/theme.schema.json). Strict: every role must be present, unknown keys are errors,
/// and each error names the file, the line and column, the JSON path and the valid choices.
public enum ThemeFile {
  /// The value of the `schema` key.
  public static let schema = "chuangwen/1"
  static let topKeys = [
    "$schema", "schema", "name", "description", "foreground", "background", "fillBackground", "roles",
  ]
  static let styleKeys = ["fg", "bg", "bold", "dim", "reverse", "underline"]
  /// For messages: how a colour may be written.
  public static let colorChoices =
    "\"#RRGGBB\", a palette number 0–255, \"default\", or an ANSI name ("
    + TermColor.ansiNames.joined(separator: ", ") + ")"

  /// Parses `bytes` (the contents of `file`). `expectedName`, when given, is the name the
  /// file was found under (its file name without `.json`); the `name` key must match it.
  public static func parse(
    _ bytes: [UInt8], file: String, origin: Theme.Origin, expectedName: String? = nil
  ) throws(ThemeError) -> Theme {
    func fail(_ position: SourcePosition?, _ path: String, _ message: String) -> ThemeError {
      ThemeError(.invalid, file: file, position: position, path: path, message: message)
    }
    let root: JSONNode
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw fail(error.position, "", "invalid JSON: \(error.message)")
    }
    guard case .object(let top) = root.value else {
      throw fail(root.position, "", "a theme is a JSON object, found \(root.value.typeName)")
    }
    if let dup = top.duplicateMembers.first {
      throw fail(dup.keyPosition, dup.key, "duplicate key \"\(dup.key)\" (keep one)")
    }
    for m in top.members where !topKeys.contains(m.key) {
      throw fail(
        m.keyPosition, m.key, "unknown key \"\(m.key)\"; valid keys: \(topKeys.joined(separator: ", "))")
    }
    func required(_ key: String) throws(ThemeError) -> JSONNode {
      guard let node = top[key] else {
        throw fail(
          root.position, "", "missing key \"\(key)\" (required: schema, name, foreground, background, roles)")
      }
      return node
    }
    func string(_ node: JSONNode, _ path: String) throws(ThemeError) -> String {
      guard let s = node.value.stringValue else {
        throw fail(node.position, path, "expected a string, found \(node.value.typeName)")
      }
      return s
    }
    func bool(_ node: JSONNode, _ path: String) throws(ThemeError) -> Bool {
      guard let b = node.value.boolValue else {
        throw fail(node.position, path, "expected true or false, found \(node.value.typeName)")
      }
      return b
    }
    func color(_ node: JSONNode, _ path: String, allowDefault: Bool = true) throws(ThemeError) -> TermColor {
      let parsed: TermColor?
      switch node.value {
      case .string(let s): parsed = TermColor(themeText: s)
      case .number:
        parsed = node.value.intValue.flatMap { (0...255).contains($0) ? TermColor.indexed(UInt8($0)) : nil }
      default: parsed = nil
      }
      let shown: String
      switch node.value {
      case .string(let s): shown = "\"\(s)\""
      case .number(let d): shown = node.value.intValue.map(String.init) ?? String(d)
      default: shown = node.value.typeName
      }
      guard let c = parsed else {
        throw fail(node.position, path, "\(shown) is not a colour; use \(colorChoices)")
      }
      if !allowDefault && c == .default {
        throw fail(
          node.position, path,
          "needs an actual colour (\"#RRGGBB\" or 0–255), not \"default\": it says what the terminal's own colour is assumed to be"
        )
      }
      return c
    }

    let schemaNode = try required("schema")
    let schemaValue = try string(schemaNode, "schema")
    guard schemaValue == schema else {
      throw fail(
        schemaNode.position, "schema",
        "unsupported schema \"\(schemaValue)\"; this version reads \"\(schema)\"")
    }
    let nameNode = try required("name")
    let name = try string(nameNode, "name")
    guard !name.isEmpty,
      name.unicodeScalars.allSatisfy({
        $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_".unicodeScalars.contains($0)
      })
    else {
      throw fail(nameNode.position, "name", "\"\(name)\" is not a usable name; use letters, digits, - and _")
    }
    if let expectedName, expectedName != name {
      throw fail(
        nameNode.position, "name",
        "\"\(name)\" does not match the file name; rename the file to \(name).json or set \"name\": \"\(expectedName)\""
      )
    }
    let description =
      try top["description"].map { (n) throws(ThemeError) in try string(n, "description") } ?? ""
    let foreground = try color(try required("foreground"), "foreground", allowDefault: false)
    let background = try color(try required("background"), "background", allowDefault: false)
    let fill =
      try top["fillBackground"].map { (n) throws(ThemeError) in try bool(n, "fillBackground") } ?? false

    let rolesNode = try required("roles")
    guard case .object(let roles) = rolesNode.value else {
      throw fail(
        rolesNode.position, "roles",
        "expected an object mapping each role to a style, found \(rolesNode.value.typeName)")
    }
    if let dup = roles.duplicateMembers.first {
      throw fail(dup.keyPosition, "roles.\(dup.key)", "duplicate role \"\(dup.key)\" (keep one)")
    }
    var styles: [StyleRole: TextStyle] = [:]
    for member in roles.members {
      let path = "roles.\(member.key)"
      guard let role = StyleRole(name: member.key) else {
        throw fail(
          member.keyPosition, path,
          "unknown role \"\(member.key)\"; valid roles: \(StyleRole.names.joined(separator: ", "))")
      }
      guard case .object(let spec) = member.value.value else {
        throw fail(
          member.value.position, path,
          "expected a style object like {\"fg\": \"#d0d0d0\", \"bold\": true}, found \(member.value.value.typeName)"
        )
      }
      if let dup = spec.duplicateMembers.first {
        throw fail(dup.keyPosition, "\(path).\(dup.key)", "duplicate key \"\(dup.key)\" (keep one)")
      }
      var style = TextStyle()
      for m in spec.members {
        let p = "\(path).\(m.key)"
        switch m.key {
        case "fg": style.fg = try color(m.value, p)
        case "bg": style.bg = try color(m.value, p)
        case "bold": style.bold = try bool(m.value, p)
        case "dim": style.dim = try bool(m.value, p)
        case "reverse": style.reverse = try bool(m.value, p)
        case "underline": style.underline = try bool(m.value, p)
        default:
          throw fail(
            m.keyPosition, p,
            "unknown style key \"\(m.key)\"; valid keys: \(styleKeys.joined(separator: ", "))")
        }
      }
      styles[role] = style
    }
    let missing = StyleRole.allCases.filter { styles[$0] == nil }
    if !missing.isEmpty {
      throw fail(
        rolesNode.position, "roles",
        "missing role\(missing.count == 1 ? "" : "s") \(missing.map(\.name).joined(separator: ", ")) (every role needs a style; {} means the terminal's plain text)"
      )
    }
    return Theme(
      name: name, description: description, foreground: foreground, background: background,
      fillBackground: fill, styles: StylePalette(styles: styles), origin: origin, file: file)
  }
}

extension TermColor {
  /// Parses a colour as a theme file writes it in a string: `"#RRGGBB"`, `"default"`, an ANSI
  /// name (`"red"`, `"brightCyan"`) or a palette number (`"208"`).
  public init?(themeText text: String) {
    if let named = TermColor(name: text) {
      self = named
      return
    }
    let bytes = Array(text.utf8)
    if bytes.count == 7, bytes[0] == UInt8(ascii: "#") {
      let isHex = bytes.dropFirst().allSatisfy { (48...57).contains($0) || (97...102).contains($0 | 0x20) }
      guard isHex, let v = UInt32(text.dropFirst(), radix: 16) else { return nil }
      self = .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
      return
    }
    if (1...3).contains(bytes.count), bytes.allSatisfy({ (48...57).contains($0) }), let n = Int(text),
      n <= 255
    {
      self = .indexed(UInt8(n))
      return
    }
    return nil
  }
}
