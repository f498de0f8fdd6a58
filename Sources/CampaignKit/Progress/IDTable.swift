/// Ids numbered densely, in a fixed order: built once per campaign and shared (by reference)
/// by every standing, so that a standing stores its aggregates in flat arrays rather than in
/// one dictionary per date.
public final class IDIndex: Sendable {
  /// The ids in order; each appears once (the first occurrence wins).
  public let ids: [String]
  let position: [String: Int]

  init(_ source: some Sequence<String>) {
    var ids: [String] = []
    var position: [String: Int] = [:]
    for id in source where position[id] == nil {
      position[id] = ids.count
      ids.append(id)
    }
    self.ids = ids
    self.position = position
  }

  public var count: Int { ids.count }
  public subscript(id: String) -> Int? { position[id] }
}

/// A value per id of an ``IDIndex``, read like a dictionary (`table[id]`, `for (id, v) in
/// table`), stored as one ``ChunkedArray`` (a standing updated after a saved report changes a
/// few values and shares the rest with the standing it came from).
public struct IDTable<Value: Sendable>: Sendable, Sequence {
  public let index: IDIndex
  public internal(set) var values: ChunkedArray<Value>

  init(index: IDIndex, values: ChunkedArray<Value>) {
    self.index = index
    self.values = values
  }

  init(index: IDIndex, values: [Value]) {
    self.init(index: index, values: ChunkedArray(values))
  }

  public subscript(id: String) -> Value? { index[id].map { values[$0] } }
  public var count: Int { values.count }
  public var keys: [String] { index.ids }

  public struct Iterator: IteratorProtocol {
    let table: IDTable
    var position = 0
    public mutating func next() -> (key: String, value: Value)? {
      guard position < table.values.count else { return nil }
      defer { position += 1 }
      return (table.index.ids[position], table.values[position])
    }
  }

  public func makeIterator() -> Iterator { Iterator(table: self) }
}
