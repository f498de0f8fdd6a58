import ArgumentParser

/// Exit codes scripts can rely on (the BSD sysexits values).
enum ExitCodes {
  static let usage = ExitCode(64)
  static let dataError = ExitCode(65)
  static let noInput = ExitCode(66)
  static let unavailable = ExitCode(69)
  static let cannotCreate = ExitCode(73)
  static let ioError = ExitCode(74)
}
