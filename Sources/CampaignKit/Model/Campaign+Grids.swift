extension Campaign {
  /// The grid cells (网格) under a node — a community's, or all of a township's — in document
  /// order: what a community's page lists with each cell's ledger (`Standing.grids`).
  public func gridCells(under id: String) -> [OrgNode] {
    var out: [OrgNode] = []
    var queue = children[id] ?? []
    var seen: Set<String> = [id]
    while !queue.isEmpty {
      let next = queue.removeFirst()
      guard seen.insert(next).inserted, let n = node(next) else { continue }
      if n.kind == .grid { out.append(n) }
      queue += children[next] ?? []
    }
    let order = Dictionary(nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    return out.sorted { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
  }
}
