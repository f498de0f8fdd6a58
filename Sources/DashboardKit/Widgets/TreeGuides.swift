/// The guide prefix of a tree row (`│  ├─ `), computed from the row's ancestry.
///
/// `isLast[i]` tells whether the ancestor at depth `i + 1` (for the last entry: the row
/// itself) is the last child of its parent. The root level (depth 0) draws no guide, so
/// `isLast.count == depth`. Each level takes 3 columns.
public enum TreeGuides {
  public static func prefix(isLast: [Bool], glyphs: GlyphSet = .unicode) -> String {
    guard let own = isLast.last else { return "" }
    var s = ""
    for last in isLast.dropLast() {
      s += last ? glyphs.treeSpace : glyphs.treeVertical
    }
    s += own ? glyphs.treeLast : glyphs.treeBranch
    return s
  }

  /// Columns the prefix takes at `depth`.
  public static func width(depth: Int) -> Int { max(0, depth) * 3 }
}
