/// Values a command keeps until the process exits instead of freeing them piece by piece on
/// the way out: tearing down a 70,000-file campaign (every decoded file, series and standing)
/// cost a tenth of a `snapshot` or `validate` run, and the kernel takes the memory back at exit
/// in one go.
enum KeptUntilExit {
  private final class Box<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
  }

  static func keep<Value>(_ value: Value) {
    _ = Unmanaged.passRetained(Box(value))
  }
}
