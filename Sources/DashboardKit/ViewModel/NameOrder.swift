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

  static func sorted<T>(_ list: [T], name: (T) -> String, id: (T) -> String) -> [T] {
    list.sorted { a, b in less(name(a), name(b)) ?? (id(a) < id(b)) }
  }
}
