import Foundation

/// Starts libFuzzer with this process's arguments and the given entry point.
enum FuzzDriver {
  typealias EntryPoint = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

  static func run(_ entry: EntryPoint) -> CInt {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    return runDriver(&argc, &argv, entry)
  }
}

/// libFuzzer's `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t))`.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ entry: FuzzDriver.EntryPoint
) -> CInt
