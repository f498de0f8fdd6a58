import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// The repository's `themes/` directory, found from this file's path
/// (Tests/DashboardKitTests/Theme/ThemeTests.swift).
let bundledThemesDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("themes").path

func bundledRegistry(user: String? = nil) -> ThemeRegistry {
  ThemeRegistry(bundledDirectory: bundledThemesDirectory, userDirectory: user)
}

/// A theme file's text with every role present; `roles` entries replace or add lines.
func themeJSON(name: String = "test", extraTop: String = "", roles: [String: String] = [:]) -> String {
  var lines: [String] = []
  for role in StyleRole.allCases where roles[role.name] == nil { lines.append("\"\(role.name)\": {}") }
  for (k, v) in roles.sorted(by: { $0.key < $1.key }) where !v.isEmpty { lines.append("\"\(k)\": \(v)") }
  return """
    {
      "schema": "chuangwen/1",
      "name": "\(name)",\(extraTop)
      "foreground": "#d0d0d0",
      "background": "#1c1c1c",
      "roles": {
        \(lines.joined(separator: ",\n    "))
      }
    }
    """
}

func parse(_ text: String, file: String = "test.json") throws(ThemeError) -> Theme {
  try ThemeFile.parse(Array(text.utf8), file: file, origin: .file)
}

@Suite struct BundledThemeTests {
  static let names = ["default", "light", "projector", "mono", "zhenghong"]

  @Test func theFiveBundledThemesAreListedInOrder() {
    #expect(Array(bundledRegistry().available().prefix(5)) == Self.names)
  }

  @Test(arguments: names) func loadsAndCoversEveryRole(name: String) throws {
    let theme = try bundledRegistry().resolve(name)
    #expect(theme.name == name)
    #expect(theme.origin == .bundled)
    #expect(!theme.description.isEmpty)
    for role in StyleRole.allCases {
      #expect(theme.styles.styles[role] != nil, "\(name) has no \(role.name)")
    }
  }

  /// WCAG: text roles ≥ 4.5:1, lines and bar tracks ≥ 3:1, against the role's background (the
  /// theme's declared background where the role says "default"); faint text counted at half
  /// intensity. The projector theme aims higher: 7:1 (AAA) for text.
  @Test(arguments: names) func everyRoleHasEnoughContrast(name: String) throws {
    let theme = try bundledRegistry().resolve(name)
    for role in StyleRole.allCases {
      var need = Theme.minimumContrast(for: role)
      if name == "projector" && need == Contrast.minimumForText { need = 7 }
      let ratio = theme.contrast(role)
      #expect(ratio >= need, "\(name).\(role.name): \(ratio) < \(need)")
    }
  }

  @Test func monoHasNoColourAndStatusesDifferByAttribute() throws {
    let mono = try bundledRegistry().resolve("mono")
    #expect(!mono.usesColor)
    #expect(mono.styles == StylePalette.mono, "the built-in fallback matches themes/mono.json")
    let statuses: [StyleRole] = [.done, .onTrack, .behind, .atRisk, .overdue]
    let attributes = statuses.map { r in
      let s = mono.styles[r]
      return [s.bold, s.dim, s.reverse, s.underline]
    }
    #expect(Set(attributes).count == statuses.count, "each status needs its own attributes")
  }

  @Test func colourThemesMarkTheSeriousStatusesWithBold() throws {
    // Hue is not the only signal: the glyphs (✓●◐▲✗) differ everywhere, and at risk / overdue
    // are bold in every theme so they stand out in greyscale too.
    for name in Self.names {
      let theme = try bundledRegistry().resolve(name)
      #expect(theme.styles[.atRisk].bold && theme.styles[.overdue].bold, "\(name)")
    }
  }

  @Test func fillingThemesPaintEveryRole() throws {
    for name in ["projector", "zhenghong"] {
      let theme = try bundledRegistry().resolve(name)
      #expect(theme.fillBackground)
      for role in StyleRole.allCases {
        #expect(theme.palette[role].fg != .default && theme.palette[role].bg != .default)
      }
    }
    let dark = try bundledRegistry().resolve("default")
    #expect(dark.palette[.text] == TextStyle(), "default leaves the terminal's own colours")
  }
}

@Suite struct ContrastTests {
  @Test func knownRatios() {
    #expect(Contrast.ratio(RGBColor(0, 0, 0), RGBColor(255, 255, 255)) == 21)
    #expect(Contrast.ratio(RGBColor(9, 9, 9), RGBColor(9, 9, 9)) == 1)
    // #767676 on white is the classic 4.54:1.
    let grey = Contrast.ratio(RGBColor(0x76, 0x76, 0x76), RGBColor(255, 255, 255))
    #expect(abs(grey - 4.54) < 0.01)
    #expect(Contrast.ratio(RGBColor(255, 0, 0), RGBColor(255, 255, 255)) > 3.99)
  }

  @Test func dimIsHalfwayAndDefaultIsTheDeclaredColour() throws {
    let theme = try parse(
      themeJSON(roles: ["dim": #"{"dim": true}"#, "toast": ##"{"fg": "default", "bg": "#ffffff"}"##]))
    #expect(theme.shownColors(.dim).fg == RGBColor(0x76, 0x76, 0x76))  // (d0 + 1c) / 2
    #expect(theme.shownColors(.toast) == (RGBColor(0xd0, 0xd0, 0xd0), RGBColor(255, 255, 255)))
    #expect(theme.weakestRole.role == .toast)
  }
}

@Suite struct ThemeFileErrorTests {
  @Test func unknownRoleNamesFileKeyPositionAndChoices() {
    let text = themeJSON(roles: ["titel": #"{"bold": true}"#])
    #expect {
      try parse(text, file: "themes/dusk.json")
    } throws: { error in
      let e = error as! ThemeError
      let line =
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("titel") }! + 1
      return e.kind == .invalid && e.path == "roles.titel" && e.position?.line == line
        && e.description.hasPrefix(
          "themes/dusk.json:\(line):5: roles.titel: unknown role \"titel\"; valid roles: text, dim, title")
    }
  }

  @Test(arguments: [
    ("\"#ff00\"", "\"#ff00\" is not a colour"), ("\"purple\"", "\"purple\" is not a colour"),
    ("256", "256 is not a colour"), ("-1", "-1 is not a colour"), ("1.5", "1.5 is not a colour"),
    ("\"#12345g\"", "not a colour"), ("\"#+12345\"", "not a colour"), ("true", "a boolean is not a colour"),
  ])
  func unparseableColourListsTheForms(value: String, says: String) {
    #expect {
      try parse(themeJSON(roles: ["title": "{\"fg\": \(value)}"]))
    } throws: { error in
      let e = error as! ThemeError
      return e.path == "roles.title.fg" && e.message.contains(says) && e.message.contains("#RRGGBB")
        && e.message.contains("0–255") && e.message.contains("brightWhite") && e.position != nil
    }
  }

  @Test func missingRolesAreNamed() {
    let text = themeJSON(roles: ["key": "", "toast": ""])
    #expect {
      try parse(text)
    } throws: { error in
      let e = error as! ThemeError
      return e.path == "roles" && e.message.hasPrefix("missing roles key, toast")
    }
  }

  @Test func invalidJSONGivesLineAndColumn() {
    #expect {
      try parse("{\n  \"schema\": \"chuangwen/1\",\n}", file: "bad.json")
    } throws: { error in
      let e = error as! ThemeError
      return e.kind == .invalid && e.description.hasPrefix("bad.json:2:26: invalid JSON: trailing comma")
        && e.message.contains("invalid JSON")
    }
  }

  @Test func unknownKeysListTheValidOnes() {
    #expect(throws: ThemeError.self) { try parse(themeJSON(extraTop: "\n  \"colour\": 1,")) }
    #expect {
      try parse(themeJSON(roles: ["text": #"{"italic": true}"#]))
    } throws: { error in
      let e = error as! ThemeError
      return e.path == "roles.text.italic"
        && e.message.contains("valid keys: fg, bg, bold, dim, reverse, underline")
    }
    #expect {
      try parse(themeJSON(roles: ["text": #"{"bold": "yes"}"#]))
    } throws: { error in (error as! ThemeError).message == "expected true or false, found a string" }
  }

  @Test func declaredColoursMustBeActualColours() {
    let text = themeJSON().replacingOccurrences(
      of: ##""background": "#1c1c1c""##, with: #""background": "default""#)
    #expect {
      try parse(text)
    } throws: { error in (error as! ThemeError).path == "background" }
  }

  @Test func schemaAndNameAreChecked() {
    let wrongSchema = themeJSON().replacingOccurrences(of: "chuangwen/1", with: "chuangwen/9")
    #expect { try parse(wrongSchema) } throws: { error in
      (error as! ThemeError).message.contains("chuangwen/1")
    }
    #expect {
      try ThemeFile.parse(
        Array(themeJSON(name: "dusk").utf8), file: "x/dawn.json", origin: .user, expectedName: "dawn")
    } throws: { error in (error as! ThemeError).message.contains("rename the file to dusk.json") }
  }

  @Test func colourForms() throws {
    #expect(TermColor(themeText: "#FFa500") == .rgb(255, 165, 0))
    #expect(TermColor(themeText: "brightCyan") == .brightCyan)
    #expect(TermColor(themeText: "default") == .default)
    #expect(TermColor(themeText: "208") == .indexed(208))
    #expect(TermColor(themeText: "0208") == nil)
    #expect(TermColor(themeText: "#fff") == nil)
    #expect(
      try parse(themeJSON(roles: ["key": #"{"fg": 208, "bg": "blue"}"#])).styles[.key]
        == TextStyle(fg: .indexed(208), bg: .blue))
  }
}

@Suite struct ThemeRegistryTests {
  /// A scratch user theme directory, removed by the caller.
  func userDirectory(_ files: [String: String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cw-themes-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
    return dir
  }

  @Test func userThemesOverrideBundledOnesAndJoinTheList() throws {
    let dir = try userDirectory([
      "light.json": themeJSON(name: "light"), "dusk.json": themeJSON(name: "dusk"), "notes.txt": "x",
    ])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let registry = bundledRegistry(user: dir)
    #expect(registry.available() == ["default", "light", "projector", "mono", "zhenghong", "dusk"])
    let light = try registry.resolve("light")
    #expect(light.origin == .user && light.file == dir + "/light.json")
  }

  @Test func userDirectoryFollowsXDG() {
    let xdg = ThemeRegistry(
      bundledDirectory: nil, environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/a"])
    #expect(xdg.userDirectory == "/cfg/chuangwen/themes")
    let home = ThemeRegistry(
      bundledDirectory: nil, environment: ["HOME": "/home/a", "CHUANGWEN_THEME": "light"])
    #expect(home.userDirectory == "/home/a/.config/chuangwen/themes")
    #expect(home.environmentChoice == "light")
  }

  @Test func unknownNameListsTheAvailableThemes() {
    #expect {
      try bundledRegistry().resolve("projecter")
    } throws: { error in
      let e = error as! ThemeError
      return e.kind == .notFound
        && e.description
          == "no theme \"projecter\"; available: default, light, projector, mono, zhenghong (or give the path of a .json theme file)"
    }
    #expect { try bundledRegistry().resolve("./nope.json") } throws: { error in
      (error as! ThemeError).kind == .notFound
    }
  }

  @Test func aPathLoadsThatFile() throws {
    let dir = try userDirectory(["mine.json": themeJSON(name: "whatever")])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let theme = try bundledRegistry().resolve(dir + "/mine.json")
    #expect(theme.name == "whatever" && theme.origin == .file)
  }

  @Test func initialChoiceOrder() throws {
    var registry = bundledRegistry()
    #expect(try registry.initial(explicit: nil, colorAvailable: true).name == "default")
    #expect(try registry.initial(explicit: nil, colorAvailable: false).name == "mono")
    registry.environmentChoice = "light"
    #expect(try registry.initial(explicit: nil, colorAvailable: false).name == "light")
    #expect(try registry.initial(explicit: "projector", colorAvailable: false).name == "projector")
    let nowhere = ThemeRegistry(bundledDirectory: "/nonexistent", userDirectory: nil)
    #expect(try nowhere.initial(explicit: nil, colorAvailable: true) == .builtInDefault)
    #expect(try nowhere.initial(explicit: nil, colorAvailable: false) == .builtInMono)
  }

  @Test func cyclingSkipsBrokenThemesAndWraps() throws {
    let dir = try userDirectory(["broken.json": "{ nope", "zz.json": themeJSON(name: "zz")])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let registry = bundledRegistry(user: dir)
    let entries = registry.entries()
    #expect(entries.map(\.name) == ["default", "light", "projector", "mono", "zhenghong", "broken", "zz"])
    let load = { (e: ThemeRegistry.Entry) throws(ThemeError) -> Theme in try registry.load(e) }
    #expect(ThemeCycle.next(after: "default", entries: entries, load: load).theme?.name == "light")
    let step = ThemeCycle.next(after: "zhenghong", entries: entries, load: load)
    #expect(step.theme?.name == "zz")
    #expect(
      step.skipped.count == 1 && step.skipped[0].file.hasSuffix("broken.json")
        && step.skipped[0].position?.line == 1)
    #expect(ThemeCycle.next(after: "zz", entries: entries, load: load).theme?.name == "default")
    #expect(ThemeCycle.next(after: "a-file-theme", entries: entries, load: load).theme?.name == "default")
    let allBroken = ThemeCycle.next(after: "x", entries: [entries[5]], load: load)
    #expect(allBroken.theme == nil && allBroken.skipped.count == 1)
  }
}
