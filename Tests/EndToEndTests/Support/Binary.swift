import Foundation

/// Where the `chuangwen` executable under test is: `CHUANGWEN_BIN`, or the sibling of the test
/// bundle in the build directory (`.build/debug/chuangwen`), which `swift build` puts there.
enum ChuangwenBinary {
  static var url: URL? {
    if let path = ProcessInfo.processInfo.environment["CHUANGWEN_BIN"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let candidates = [
      Bundle.main.executableURL,
      URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(),
      Bundle.main.bundleURL,
    ].compactMap { $0 }
    for exe in candidates {
      var dir = exe.deletingLastPathComponent()
      // macOS runs tests from inside the .xctest bundle (…/X.xctest/Contents/MacOS).
      while dir.path.contains(".xctest") { dir.deleteLastPathComponent() }
      let bin = dir.appendingPathComponent("chuangwen")
      if FileManager.default.isExecutableFile(atPath: bin.path) { return bin }
    }
    return nil
  }
}
