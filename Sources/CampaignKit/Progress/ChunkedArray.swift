/// A fixed-length array stored as chunks of 64 elements, each chunk an array of its own: a
/// copy shares every chunk, and changing an element of the copy copies the table of chunks
/// and that element's chunk only.
///
/// A standing holds one record per indicator, task and unit (6,650 indicators at 50× the
/// bundled campaign). After a saved report the live dashboard makes the new standing from the
/// old one with a few records changed; with one flat array per kind, that copied every
/// record (and retained every string in it) for each change. Reading is by `Int` index, as an
/// array's.
public struct ChunkedArray<Element>: RandomAccessCollection {
  /// Elements per chunk: `1 << shift`.
  @inlinable static var shift: Int { 6 }
  @inlinable static var mask: Int { (1 << shift) - 1 }

  /// Every chunk full but the last, which holds the rest (none when `count` is 0).
  @usableFromInline var chunks: [[Element]]
  public private(set) var count: Int

  /// `make(0)`, …, `make(count - 1)`, in order.
  init(count: Int, _ make: (Int) throws -> Element) rethrows {
    var chunks: [[Element]] = []
    chunks.reserveCapacity((count + Self.mask) >> Self.shift)
    var start = 0
    while start < count {
      let end = Swift.min(count, start + Self.mask + 1)
      var chunk: [Element] = []
      chunk.reserveCapacity(end - start)
      for i in start..<end { chunk.append(try make(i)) }
      chunks.append(chunk)
      start = end
    }
    self.chunks = chunks
    self.count = count
  }

  /// The elements of `array`, in order.
  public init(_ array: [Element]) {
    var chunks: [[Element]] = []
    chunks.reserveCapacity((array.count + Self.mask) >> Self.shift)
    var start = 0
    while start < array.count {
      let end = Swift.min(array.count, start + Self.mask + 1)
      chunks.append(Array(array[start..<end]))
      start = end
    }
    self.chunks = chunks
    self.count = array.count
  }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { count }
  @inlinable public func index(after i: Int) -> Int { i + 1 }
  @inlinable public func index(before i: Int) -> Int { i - 1 }

  /// The element at `i` (read in place, as an array's: reading one field copies nothing else).
  @inlinable public internal(set) subscript(i: Int) -> Element {
    _read { yield chunks[i >> Self.shift][i & Self.mask] }
    _modify { yield &chunks[i >> Self.shift][i & Self.mask] }
  }

  /// Adds `element` at the end (into the last chunk while it has room).
  mutating func append(_ element: Element) {
    if count & Self.mask == 0 {
      var chunk: [Element] = []
      chunk.reserveCapacity(Self.mask + 1)
      chunk.append(element)
      chunks.append(chunk)
    } else {
      chunks[chunks.count - 1].append(element)
    }
    count += 1
  }

  /// Calls `body` with each chunk's elements and the index of its first element, in order:
  /// the fastest way through every element.
  func forEachChunk(_ body: (UnsafeBufferPointer<Element>, Int) throws -> Void) rethrows {
    for c in chunks.indices {
      try chunks[c].withUnsafeBufferPointer { try body($0, c << Self.shift) }
    }
  }

  /// Walks the chunks one after another (no index arithmetic per element).
  public struct Iterator: IteratorProtocol {
    @usableFromInline var chunks: IndexingIterator<[[Element]]>
    @usableFromInline var current: IndexingIterator<[Element]>

    @inlinable init(chunks: IndexingIterator<[[Element]]>, current: IndexingIterator<[Element]>) {
      self.chunks = chunks
      self.current = current
    }

    @inlinable public mutating func next() -> Element? {
      while true {
        if let e = current.next() { return e }
        guard let chunk = chunks.next() else { return nil }
        current = chunk.makeIterator()
      }
    }
  }

  @inlinable public func makeIterator() -> Iterator {
    Iterator(chunks: chunks.makeIterator(), current: [Element]().makeIterator())
  }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: Equatable where Element: Equatable {
  /// Element by element; chunks that share storage compare equal at once.
  public static func == (a: ChunkedArray, b: ChunkedArray) -> Bool {
    a.count == b.count && a.chunks == b.chunks
  }
}
