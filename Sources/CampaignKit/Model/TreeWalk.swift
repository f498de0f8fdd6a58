/// Walks up the command tree in time linear in the number of nodes, however deep the tree.
/// Walking every node's chain of parents separately costs nodes × depth (and remembering the
/// chain in an array made it nodes × depth²): 4,000 nested sections took over a minute. Here
/// every node is walked past once and its answer remembered.
enum TreeWalk {
  /// Every cycle of parent links, each once, as the ids along it starting and ending with the
  /// node first met on it (`a → b → c → a`), in the order of `nodes`.
  static func cycles(_ nodes: [OrgNode]) -> [[String]] {
    let parentOf = Dictionary(nodes.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
    // 1: on the chain being walked now; 2: walked before, leads to no new cycle.
    var state: [String: UInt8] = [:]
    state.reserveCapacity(nodes.count)
    var found: [[String]] = []
    var chain: [String] = []
    for n in nodes {
      chain.removeAll(keepingCapacity: true)
      var cursor: String? = n.id
      while let id = cursor, state[id] == nil, let entry = parentOf[id] {
        state[id] = 1
        chain.append(id)
        cursor = entry
      }
      if let id = cursor, state[id] == 1, let start = chain.lastIndex(of: id) {
        found.append(Array(chain[start...]) + [id])
      }
      for id in chain { state[id] = 2 }
    }
    return found
  }

  /// The sub-command above every node that has one (the nearest node of kind sub-command
  /// among its ancestors), nil for nodes outside any sub-command or on a cycle.
  static func subCommandAbove(_ nodes: [OrgNode], index: [String: Int]) -> [String: String] {
    // The answer for each node walked so far; .some(nil) means "none above".
    var memo: [String: String?] = [:]
    memo.reserveCapacity(nodes.count)
    var chain: [String] = []
    for n in nodes {
      chain.removeAll(keepingCapacity: true)
      var cursor = n.parent
      var answer: String?
      var onChain: Set<String> = [n.id]
      while let c = cursor, let i = index[c] {
        if let known = memo[c] {
          answer = nodes[i].kind == .subCommand ? c : known
          break
        }
        if nodes[i].kind == .subCommand {
          answer = c
          break
        }
        // A cycle: nothing above.
        guard onChain.insert(c).inserted else { break }
        chain.append(c)
        cursor = nodes[i].parent
      }
      // Every node walked past shares the answer (none is a sub-command itself).
      for c in chain where memo[c] == nil { memo[c] = .some(answer) }
      if memo[n.id] == nil { memo[n.id] = .some(answer) }
    }
    var out: [String: String] = [:]
    for (id, a) in memo { if let a { out[id] = a } }
    return out
  }
}
