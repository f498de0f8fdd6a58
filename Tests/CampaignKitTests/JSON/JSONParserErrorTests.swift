import CampaignKit
import Testing

/// The syntax error for `text`, or nil if it parses.
func syntaxError(_ text: String) -> JSONSyntaxError? {
  do {
    _ = try JSONParser.parse(text)
    return nil
  } catch {
    return error
  }
}

func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
  do {
    _ = try JSONParser.parse(bytes)
    return nil
  } catch {
    return error
  }
}

struct ErrorCase: Sendable, CustomTestStringConvertible {
  var json: String
  var message: String
  var line: Int
  var column: Int
  var testDescription: String { json }

  init(_ json: String, _ message: String, _ line: Int, _ column: Int) {
    self.json = json
    self.message = message
    self.line = line
    self.column = column
  }
}

@Suite struct JSONParserErrorTests {
  static let cases: [ErrorCase] = [
    // Empty input and encoding.
    ErrorCase("", "the file is empty (expected a JSON object)", 1, 1),
    ErrorCase(" \n\t\r\n  ", "the file is empty (expected a JSON object)", 1, 1),
    ErrorCase(
      "\u{FEFF}{}", "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM", 1, 1),
    // Commas, colons, keys.
    ErrorCase("[1, 2,]", "trailing comma before ']' (remove the comma)", 1, 6),
    ErrorCase("{\"a\": 1,\n}", "trailing comma before '}' (remove the comma)", 1, 8),
    ErrorCase("[1 2]", "missing ',' between array elements (add a comma before this)", 1, 4),
    ErrorCase("[\"a\"\n \"b\"]", "missing ',' between array elements (add a comma before this)", 2, 2),
    ErrorCase("{\"a\": 1 \"b\": 2}", "missing ',' between object members (add a comma before this)", 1, 9),
    ErrorCase("{\"a\": 1\n  b: 2}", "missing ',' between object members (add a comma before this)", 2, 3),
    ErrorCase("{\"a\" 1}", "missing ':' after the key \"a\" (found '1')", 1, 6),
    ErrorCase("{\"a\" = 1}", "expected ':' after the key \"a\", found '=' (use ':')", 1, 6),
    ErrorCase("{a: 1}", "unquoted key 'a' (object keys must be in double quotes: \"a\")", 1, 2),
    ErrorCase(
      "{\"a\": 1, name: 2}", "unquoted key 'name' (object keys must be in double quotes: \"name\")", 1, 10),
    ErrorCase("[1,,2]", "expected a value, found ','", 1, 4),
    ErrorCase("{\"a\": }", "expected a value, found '}'", 1, 7),
    ErrorCase("{\"a\": 1,,}", "expected a key in double quotes, found ','", 1, 9),
    ErrorCase(
      "[1, 2}", "expected ',' or ']', found '}' (the '[' at 1:1 is closed with the wrong bracket)", 1, 6),
    ErrorCase(
      "{\"a\": [1]]", "expected ',' or '}', found ']' (the '{' at 1:1 is closed with the wrong bracket)", 1,
      10),
    // Quotes and comments.
    ErrorCase("['a']", "strings must use double quotes (\"), not single quotes (')", 1, 2),
    ErrorCase("{'a': 1}", "strings must use double quotes (\"), not single quotes (')", 1, 2),
    ErrorCase("{\"a\": 'b'}", "strings must use double quotes (\"), not single quotes (')", 1, 7),
    ErrorCase("// note\n{}", "comments are not allowed in JSON (remove the // comment)", 1, 1),
    ErrorCase("{\"a\": 1 /* x */}", "comments are not allowed in JSON (remove the /* */ comment)", 1, 9),
    ErrorCase(
      "{\"a\": 1,\n // x\n \"b\": 2}", "comments are not allowed in JSON (remove the // comment)", 2, 2),
    ErrorCase("{} // end", "comments are not allowed in JSON (remove the // comment)", 1, 4),
    // Literals.
    ErrorCase("[NaN]", "NaN is not valid JSON; write a number or null", 1, 2),
    ErrorCase("{\"x\": Infinity}", "Infinity is not valid JSON; write a number or null", 1, 7),
    ErrorCase("[-Infinity]", "-Infinity is not valid JSON; write a number or null", 1, 2),
    ErrorCase("[True]", "'True' is not valid JSON; write true (JSON literals are lowercase)", 1, 2),
    ErrorCase("[undefined]", "'undefined' is not valid JSON; write null", 1, 2),
    ErrorCase("[tru]", "expected a value, found 'tru' (text must be inside double quotes: \"tru\")", 1, 2),
    ErrorCase(
      "[nullx]", "expected a value, found 'nullx' (text must be inside double quotes: \"nullx\")", 1, 2),
    // Numbers.
    ErrorCase("[01]", "numbers cannot have leading zeros (write 7, not 07; or quote it as a string)", 1, 2),
    ErrorCase("[-007]", "numbers cannot have leading zeros (write 7, not 07; or quote it as a string)", 1, 2),
    ErrorCase("[+1]", "a number cannot start with '+' (remove the '+')", 1, 2),
    ErrorCase("[.5]", "a number cannot start with '.' (write 0.5, not .5)", 1, 2),
    ErrorCase("[1.]", "expected a digit after the decimal point (write 1.0 or 1, not 1.)", 1, 4),
    ErrorCase("[1.e5]", "expected a digit after the decimal point (write 1.0 or 1, not 1.)", 1, 4),
    ErrorCase("[1e]", "expected a digit in the exponent (write 1e5, not 1e)", 1, 4),
    ErrorCase("[1e+]", "expected a digit in the exponent (write 1e5, not 1e)", 1, 5),
    ErrorCase("[-]", "expected a digit after '-'", 1, 3),
    ErrorCase("[- 1]", "expected a digit after '-'", 1, 3),
    ErrorCase("[1e999]", "number is too large (the largest allowed is about 1.8e308)", 1, 2),
    ErrorCase("[-1e309]", "number is too large (the largest allowed is about 1.8e308)", 1, 2),
    ErrorCase(
      "[1" + String(repeating: "0", count: 400) + "]",
      "number is too large (the largest allowed is about 1.8e308)", 1, 2),
    ErrorCase(
      "[0x10]", "expected ',' or ']', found 'x10' (text must be inside double quotes: \"x10\")", 1, 3),
    // Strings.
    ErrorCase("[\"a\tb\"]", "control character U+0009 (tab) inside a string (write it as \\t)", 1, 4),
    ErrorCase("[\"a\u{1}\"]", "control character U+0001 inside a string (write it as \\u0001)", 1, 4),
    ErrorCase(
      "{\"a\": \"bc\n}",
      "unterminated string: the '\"' here is not closed on its line (add '\"'; write a line break inside a string as \\n)",
      1, 7),
    ErrorCase(
      #"["a\x"]"#,
      #"invalid escape '\x' in a string (valid escapes: \" \\ \/ \b \f \n \r \t \uXXXX; write \\ for a backslash)"#,
      1, 4),
    ErrorCase(
      #"["C:\Users"]"#,
      #"invalid escape '\U' in a string (valid escapes: \" \\ \/ \b \f \n \r \t \uXXXX; write \\ for a backslash)"#,
      1, 5),
    ErrorCase(
      #"["\u12G4"]"#, #"invalid \u escape: expected 4 hexadecimal digits after \u (e.g. \u00E9)"#, 1, 3),
    ErrorCase(
      #"["\u12"]"#, #"invalid \u escape: expected 4 hexadecimal digits after \u (e.g. \u00E9)"#, 1, 3),
    ErrorCase(
      #"["a\uD83Db"]"#,
      #"invalid \u escape: lone surrogate \uD83D (a high surrogate must be followed by a low surrogate \uDC00-\uDFFF; write the character itself instead)"#,
      1, 4),
    ErrorCase(
      #"["\uD83D\u0041"]"#,
      #"invalid \u escape: lone surrogate \uD83D (a high surrogate must be followed by a low surrogate \uDC00-\uDFFF; write the character itself instead)"#,
      1, 3),
    ErrorCase(
      #"["\uDE00"]"#,
      #"invalid \u escape: lone surrogate \uDE00 (a low surrogate must follow a high surrogate \uD800-\uDBFF; write the character itself instead)"#,
      1, 3),
    // Unterminated constructs point at their start.
    ErrorCase("[\"abc", "unterminated string: the '\"' here is never closed (add '\"')", 1, 2),
    ErrorCase("[\"abc\\", "unterminated string: the '\"' here is never closed (add '\"')", 1, 2),
    ErrorCase("[1, 2", "unterminated array: the '[' here is never closed (add ']')", 1, 1),
    ErrorCase("[1, 2,", "unterminated array: the '[' here is never closed (add ']')", 1, 1),
    ErrorCase("[", "unterminated array: the '[' here is never closed (add ']')", 1, 1),
    ErrorCase("{\"a\": [1]", "unterminated object: the '{' here is never closed (add '}')", 1, 1),
    ErrorCase("{\"a\": {\"b\": 1}\n", "unterminated object: the '{' here is never closed (add '}')", 1, 1),
    ErrorCase("{\n  \"a\": [\n    1,\n", "unterminated array: the '[' here is never closed (add ']')", 2, 8),
    ErrorCase("{\"a\"", "unterminated object: the '{' here is never closed (add '}')", 1, 1),
    ErrorCase("{\"a\":", "unterminated object: the '{' here is never closed (add '}')", 1, 1),
    // Trailing content.
    ErrorCase(
      "{\"a\": 1}}",
      "unexpected '}' after the end of the JSON value (a file holds exactly one value; remove it, or put the values in an array)",
      1, 9),
    ErrorCase(
      "{}\n{}",
      "unexpected '{' after the end of the JSON value (a file holds exactly one value; remove it, or put the values in an array)",
      2, 1),
    // Chinese input-method punctuation and bare text.
    ErrorCase(
      "{\"a\"：1}",
      "full-width '：' is not JSON punctuation (use the ASCII ':'; switch the input method to half-width)",
      1, 5),
    ErrorCase(
      "[1，2]",
      "full-width '，' is not JSON punctuation (use the ASCII ','; switch the input method to half-width)",
      1, 3),
    ErrorCase(
      "{\"名称\": 创文}", "expected a value, found '创' (U+521B) (text must be inside double quotes)", 1, 8),
    ErrorCase(
      "{\n  \"标题\": \"创文\",\n  \"数量\": 1,,\n}", "expected a key in double quotes, found ','", 3, 11),
  ]

  @Test(arguments: cases)
  func reportsMessageAndPosition(_ c: ErrorCase) {
    let error = syntaxError(c.json)
    #expect(error?.message == c.message)
    #expect(error?.position == SourcePosition(line: c.line, column: c.column))
  }

  @Test func descriptionIsPositionThenMessage() {
    let error = syntaxError("{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}")
    #expect(error?.description == "3:13: trailing comma before ']' (remove the comma)")
    #expect(SourcePosition(line: 3, column: 17).description == "3:17")
  }

  @Test func invalidUTF8IsReportedAtTheByte() {
    // {"a<FF>": 1}
    let lone = syntaxError([0x7B, 0x22, 0x61, 0xFF, 0x22, 0x3A, 0x31, 0x7D])
    #expect(
      lone?.message
        == "invalid UTF-8 (byte 0xFF); the file may be in another encoding such as GBK: save it as UTF-8")
    #expect(lone?.position == SourcePosition(line: 1, column: 4))

    // {"名称": "中<C3>("}: a truncated sequence after Chinese text; columns count scalars.
    var bytes = Array("{\"名称\": \"中".utf8)
    bytes += [0xC3, 0x28, 0x22, 0x7D]
    let truncated = syntaxError(bytes)
    #expect(
      truncated?.message
        == "invalid UTF-8 (byte 0xC3); the file may be in another encoding such as GBK: save it as UTF-8")
    #expect(truncated?.position == SourcePosition(line: 1, column: 10))

    // GBK-encoded "中文" (D6 D0 CE C4) on line 2.
    let gbk = syntaxError(Array("{\n  \"a\": \"".utf8) + [0xD6, 0xD0, 0xCE, 0xC4, 0x22, 0x7D])
    #expect(gbk?.position == SourcePosition(line: 2, column: 9))

    // Surrogate code points encoded in UTF-8 (CESU-8) and overlong forms are invalid.
    #expect(syntaxError([0x22, 0xED, 0xA0, 0x80, 0x22])?.position == SourcePosition(line: 1, column: 2))
    #expect(syntaxError([0x22, 0xC0, 0xAF, 0x22])?.position == SourcePosition(line: 1, column: 2))
    #expect(
      syntaxError([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22])?.position == SourcePosition(line: 1, column: 2))

    // Outside strings.
    #expect(syntaxError([0x5B, 0x31, 0x2C, 0x80, 0x5D])?.position == SourcePosition(line: 1, column: 4))
  }

  @Test func bomIsRejectedInBytesToo() {
    let error = syntaxError([0xEF, 0xBB, 0xBF, 0x7B, 0x7D])
    #expect(error?.message == "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
    #expect(error?.position == SourcePosition(line: 1, column: 1))
  }

  @Test func columnsCountScalarsNotBytes() {
    // Line 2: `  "名称": "创建文明城市", "分": tru`: the error is at scalar 24.
    let text = "{\n  \"名称\": \"创建文明城市\", \"分\": tru\n}"
    let error = syntaxError(text)
    #expect(error?.position == SourcePosition(line: 2, column: 24))
    // Emoji (4 bytes, one scalar) and combining marks (each its own scalar).
    #expect(syntaxError("[\"😀\", \"e\u{301}\" x]")?.position == SourcePosition(line: 1, column: 12))
  }

  @Test func nestingDepthIsLimited() throws {
    let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    _ = try JSONParser.parse(ok)
    let objects = String(repeating: "{\"a\":", count: 512) + "1" + String(repeating: "}", count: 512)
    _ = try JSONParser.parse(objects)

    let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
    let error = syntaxError(deep)
    #expect(error?.message == "nesting is too deep (more than 512 levels of arrays and objects)")
    #expect(error?.position == SourcePosition(line: 1, column: 513))

    // Far too deep must not overflow the stack either.
    let huge = String(repeating: "[", count: 100_000)
    #expect(syntaxError(huge)?.position == SourcePosition(line: 1, column: 513))
  }
}
