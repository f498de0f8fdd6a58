import Foundation

/// 按名称: Chinese names in pinyin order (阿城镇, 城管局, 交通局 …), as a reader looks them up,
/// not in code-point order. ICU collation through Foundation; ties by id, so the order is total.
enum NameOrder {
  static let locale = Locale(identifier: "zh_CN")

  static func less(_ a: String, _ b: String) -> Bool? {
    switch a.compare(b, locale: locale) {
    case .orderedAscending: true
    case .orderedDescending: false
    case .orderedSame: nil
    }
  }

  /// The place of each name in pinyin order (equal names share a place), so a sort can compare
  /// integers instead of collating every pair again.
  static func ranks(_ names: [String]) -> [Int] {
    let distinct = Array(Set(names)).sorted { less($0, $1) ?? ($0 < $1) }
    var place: [String: Int] = [:]
    for (i, n) in distinct.enumerated() { place[n] = i }
    return names.map { place[$0]! }
  }

  static func sorted<T>(_ list: [T], name: (T) -> String, id: (T) -> String) -> [T] {
    list.sorted { a, b in less(name(a), name(b)) ?? (id(a) < id(b)) }
  }
}
