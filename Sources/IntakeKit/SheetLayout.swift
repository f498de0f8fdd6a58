import CampaignKit

/// Where everything sits on a unit's sheet, shared by the writers and the reader so the two
/// cannot drift apart. Rows and columns are 1-based, as a spreadsheet counts them.
///
/// ```
/// 1  填写说明 …                                   (instructions, one merged row)
/// 2  创建活动 | <title>
/// 3  责任单位 | <unit name>
/// 4  单位编号 | <unit id>
/// 5  报送日期 | <YYYY-MM-DD>
/// 6  编号 | 类别 | 名称 | 计量单位 | 本周数值 | 备注 | 目标值 | 上次报送值 | 上次报送日期
/// 7… one row per indicator or task; only 本周数值 and 备注 are for the unit to fill in
/// ```
public enum SheetLayout {
  public static let instructions =
    "填写说明：只填写白色的“本周数值”和“备注”两列，灰色单元格请勿修改。百分比可填 95 或 95%；是否类填 是/否 或 1/0；本周无变化可照抄上次报送值，未填的行视为本周未报。填好后原文件交回创建办。"

  public static let campaignLabel = "创建活动"
  public static let unitNameLabel = "责任单位"
  public static let unitLabel = "单位编号"
  public static let dateLabel = "报送日期"

  /// Rows of the labelled facts (label in column A, value in column B).
  public static let campaignRow = 2
  public static let unitNameRow = 3
  public static let unitRow = 4
  public static let dateRow = 5
  public static let headerRow = 6
  public static let firstDataRow = 7

  public enum Column: Int, CaseIterable, Sendable {
    case id = 1, role, name, measureUnit, value, note, target, lastValue, lastDate

    public var header: String {
      switch self {
      case .id: "编号"
      case .role: "类别"
      case .name: "名称"
      case .measureUnit: "计量单位"
      case .value: "本周数值"
      case .note: "备注"
      case .target: "目标值"
      case .lastValue: "上次报送值"
      case .lastDate: "上次报送日期"
      }
    }

    /// Only these are for the unit to fill in; the rest are locked and grey.
    public var isEditable: Bool { self == .value || self == .note }

    /// Width in characters, for xlsx column widths.
    public var width: Double {
      switch self {
      case .id: 12
      case .role: 10
      case .name: 40
      case .measureUnit: 10
      case .value, .target, .lastValue: 12
      case .note: 30
      case .lastDate: 14
      }
    }
  }

  /// A cell of the layout before it becomes xlsx or CSV.
  public enum Cell: Equatable, Sendable {
    case text(String)
    case number(Double)
    case empty
  }

  public enum Style: Int, Sendable {
    /// Locked and grey: not to be edited.
    case locked = 1
    /// White and unlocked: for the unit.
    case editable = 2
    /// Bold, grey, locked: the column headers.
    case header = 3
    /// Wrapped text, locked: the instructions row.
    case instructions = 4
  }

  /// What the spreadsheet itself checks as the unit types a value, so "九十" is refused at the
  /// desk rather than at import: rows (1-based) by the kind of value they take.
  public static func valueChecks(_ s: TemplateSheet) -> [(Measure.Kind, [Int])] {
    var rows: [Measure.Kind: [Int]] = [:]
    for (i, r) in s.rows.enumerated() { rows[r.kind, default: []].append(firstDataRow + i) }
    return Measure.Kind.allCases.compactMap { k in rows[k].map { (k, $0) } }
  }

  /// The sheet as rows of (cell, style), row 1 first.
  public static func rows(_ s: TemplateSheet) -> [[(Cell, Style)]] {
    var out: [[(Cell, Style)]] = []
    out.append([(.text(instructions), .instructions)])
    out.append([(.text(campaignLabel), .header), (.text(s.campaignTitle), .locked)])
    out.append([(.text(unitNameLabel), .header), (.text(s.unitName), .locked)])
    out.append([(.text(unitLabel), .header), (.text(s.unit), .locked)])
    out.append([(.text(dateLabel), .header), (.text(s.day.description), .locked)])
    out.append(Column.allCases.map { (.text($0.header), .header) })
    for r in s.rows {
      let cells: [Cell] = Column.allCases.map { c in
        switch c {
        case .id: .text(r.subject.id)
        case .role: .text(r.role.rawValue)
        case .name: .text(r.name)
        case .measureUnit: .text(r.measureUnit)
        case .value: r.value.map { .number($0) } ?? .empty
        case .note: r.note.isEmpty ? .empty : .text(r.note)
        case .target: .number(r.target)
        case .lastValue: r.lastValue.map { .number($0) } ?? .empty
        case .lastDate: r.lastDate.map { .text($0.description) } ?? .empty
        }
      }
      out.append(zip(cells, Column.allCases).map { ($0, $1.isEditable ? .editable : .locked) })
    }
    return out
  }
}
