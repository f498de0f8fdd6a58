/// Where a value sits in its file (`problems[12].fixed`), kept as a chain of keys and indices
/// and written out as a JSON path only when something needs the text: a finding, or a site
/// whose check fails.
///
/// Nearly every value in a campaign is fine, so nearly every path is never read. Writing each
/// one out as it was met (an interpolated `"problems[12]"` for every element, a joined
/// `"problems[12].deadline"` for every date and number) was a string allocation per value,
/// about a fifth of decoding indicators.json and problems.json. A place is one small object
/// per array and per object nested in a field, shared by everything read inside it; an array's
/// elements are named by the array's place and their index (``SitePath``), with no object each
/// (sites outlive decoding: the definitions stay as long as the file).
final class JSONPlace: Sendable {
  /// The place this one is inside; nil for the top of the file.
  let parent: JSONPlace?
  /// The member's key; empty for an array element (and the top).
  let key: String
  /// The element's index; -1 for a member (and the top).
  let index: Int

  private init(parent: JSONPlace?, key: String, index: Int) {
    self.parent = parent
    self.key = key
    self.index = index
  }

  /// The top of a file (the path "").
  static let top = JSONPlace(parent: nil, key: "", index: -1)

  /// A report's `entries` array, whose elements the fast report decoder names by index.
  static let entries = top.member("entries")

  /// The member `key` of the object here.
  func member(_ key: String) -> JSONPlace { JSONPlace(parent: self, key: key, index: -1) }

  /// Element `index` of the array here.
  func element(_ index: Int) -> JSONPlace { JSONPlace(parent: self, key: "", index: index) }

  /// The JSON path: `categories[0].items[2].indicators[5]`, `nodes[3].parent`, "" at the top.
  var text: String {
    guard let parent else { return "" }
    let base = parent.text
    return index >= 0 ? "\(base)[\(index)]" : joinPath(base, key)
  }
}
