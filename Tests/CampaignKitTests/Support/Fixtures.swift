import CampaignKit
import Foundation

/// Paths to the committed fixtures, found from this source file so tests run from anywhere.
enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("fixtures").path

  static func path(_ name: String) -> String { root + "/" + name }

  static func load(_ name: String) -> LoadResult { CampaignLoader.load(directory: path(name)) }

  static func campaign(_ name: String) throws -> Campaign {
    let r = load(name)
    guard let c = r.campaign, r.errors.isEmpty else {
      throw FixtureError(description: "\(name) did not load: \(r.errors.map(\.description))")
    }
    return c
  }

  /// A fresh temporary directory holding a copy of a fixture, for tests that break files.
  static func copy(_ name: String) throws -> String {
    let dir = NSTemporaryDirectory() + "chuangwen-test-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: path(name), toPath: dir)
    return dir
  }

  struct FixtureError: Error, CustomStringConvertible { var description: String }
}

extension Day: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self = Day(value)! }
}

extension Fixtures {
  /// One step of a live-reload test: writes `text` to `path` in `dir` (nil removes the file).
  static func apply(_ path: String, _ text: String?, in dir: String) throws {
    if let text {
      try text.write(toFile: dir + "/" + path, atomically: true, encoding: .utf8)
    } else {
      try FileManager.default.removeItem(atPath: dir + "/" + path)
    }
  }
}
