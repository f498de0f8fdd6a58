import Testing

@testable import DashboardKit

/// 按名称 sorts Chinese names by pinyin, the order a reader looks them up in.
@Suite struct NameOrderTests {
  @Test func chineseNamesSortByPinyin() {
    let names = ["市场监管局", "玉壶镇", "城管局", "阿城镇", "交通局"]
    let sorted = NameOrder.sorted(names, name: { $0 }, id: { $0 })
    #expect(sorted == ["阿城镇", "城管局", "交通局", "市场监管局", "玉壶镇"])
    #expect(NameOrder.ranks(names) == [3, 4, 1, 0, 2])
    #expect(NameOrder.ranks(["乙", "甲", "乙"]) == [1, 0, 1])
  }
}
