/// For each group of a ``StandingLayout`` (a sub-command, a category, an item, the units that
/// lead or support), the indicators that add up into it, in index order: what a standing
/// updated after a saved report sums again for the groups a changed indicator belongs to, in
/// the same order as the whole pass of a fresh standing, so the sums agree to the last bit.
///
/// Compressed rows: group `g`'s indicators are `members[start[g]..<start[g + 1]]`, 4 bytes each
/// (made once per campaign structure, about a hundred kilobytes at 50× the bundled campaign).
struct GroupMembers: Sendable {
  private let start: [Int32]
  private let members: [Int32]

  /// Groups `0..<groups`; `group(i, add)` calls `add` with each group indicator `i` (of
  /// `0..<indicators`) belongs to, each at most once.
  init(groups: Int, indicators: Int, _ group: (Int, (Int) -> Void) -> Void) {
    // A counting sort: indicators go in ascending order, so each group's list is in order.
    var count = [Int32](repeating: 0, count: groups + 1)
    for i in 0..<indicators { group(i) { count[$0 + 1] += 1 } }
    for g in 0..<groups { count[g + 1] += count[g] }
    var next = count
    var members = [Int32](repeating: 0, count: Int(count[groups]))
    for i in 0..<indicators {
      group(i) { g in
        members[Int(next[g])] = Int32(i)
        next[g] += 1
      }
    }
    start = count
    self.members = members
  }

  /// One group per indicator: `group[i]`, or none when it is negative.
  init(groups: Int, of group: [Int]) {
    self.init(groups: groups, indicators: group.count) { i, add in if group[i] >= 0 { add(group[i]) } }
  }

  var count: Int { start.count - 1 }

  /// Group `g`'s indicators, ascending.
  subscript(g: Int) -> ArraySlice<Int32> { members[Int(start[g])..<Int(start[g + 1])] }
}
