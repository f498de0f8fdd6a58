import Dispatch

/// Independent computations spread over the machine's cores (the dashboard's standings of
/// several dates, the meeting tables): results come back in order, as `map` would give them.
public enum Concurrently {
  /// `[body(0), …, body(count - 1)]`, the calls made on every core at once. `body` must only
  /// read shared state (each call computes one value from immutable inputs).
  public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let slots = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.put(body(i), at: i) }
    return slots.take()
  }

  /// One slot per call, each written by exactly one call before `take` reads them all.
  private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(_ count: Int) {
      buffer = .allocate(capacity: count)
      buffer.initialize(repeating: nil)
    }

    func put(_ value: T, at i: Int) { buffer[i] = value }

    func take() -> [T] { buffer.map { $0! } }

    deinit {
      buffer.deinitialize()
      buffer.deallocate()
    }
  }
}
