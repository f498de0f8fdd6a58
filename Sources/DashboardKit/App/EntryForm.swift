import CampaignKit

/// The small form `e`, `x`, `v` and `b` open: a report value on an indicator or task, or a step
/// of the problem ledger's loop (fixed, verified, reopened). It holds only what is typed; checking and
/// writing are the runner's (``Effect/submit(_:)``), with the rules `record` and `problem`
/// use, and the outcome comes back as ``Event/entry(_:)``: written closes the form, refused
/// shows the reason in it.
public struct EntryForm: Sendable, Equatable {
  public enum Purpose: Sendable, Equatable {
    /// `e`: a value for an indicator or a task, written for its lead unit.
    case report(ReportSubject)
    /// `x`: the unit fixed the problem (整改).
    case fix(problem: String)
    /// `v`: the office verified the fix (复核 → 销号).
    case verify(problem: String)
    /// `b`: a later check found the fix did not hold (退回): the problem goes back to the unit.
    case reopen(problem: String)
  }

  /// What a field holds, which decides its label.
  public enum FieldName: Sendable, Equatable { case value, date, note, by }

  public struct Field: Sendable, Equatable {
    public var name: FieldName
    public var text: String
    public init(_ name: FieldName, _ text: String = "") {
      self.name = name
      self.text = text
    }
  }

  public var purpose: Purpose
  public var fields: [Field]
  /// The field being typed into.
  public var focus: Int = 0
  /// Why the last Enter was refused, shown in the form until the next edit.
  public var error: String?

  /// A form for `purpose`, its date field set to `day` (the as-of date).
  public init(_ purpose: Purpose, day: Day) {
    self.purpose = purpose
    switch purpose {
    case .report: fields = [Field(.value), Field(.date, "\(day)"), Field(.note)]
    case .fix: fields = [Field(.date, "\(day)"), Field(.note)]
    case .verify: fields = [Field(.date, "\(day)"), Field(.by)]
    case .reopen: fields = [Field(.date, "\(day)"), Field(.note)]
    }
    // The date is filled in already: start where typing is needed.
    focus = fields.firstIndex { $0.text.isEmpty } ?? 0
  }

  /// The text of the field named `name` ("" when the form has none).
  public func text(_ name: FieldName) -> String { fields.first { $0.name == name }?.text ?? "" }

  /// Applies a key: typing edits the focused field, Tab / ↓ and Shift-Tab / ↑ move between
  /// fields. Returns false for a key the form does not take.
  mutating func edit(_ k: Key) -> Bool {
    switch k {
    case .tab, .down: focus = (focus + 1) % fields.count
    case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
    case .backspace:
      if !fields[focus].text.isEmpty { fields[focus].text.removeLast() }
      error = nil
    case .char(let c):
      fields[focus].text.append(c)
      error = nil
    default: return false
    }
    return true
  }
}

/// What became of a submitted form.
public enum EntryOutcome: Sendable, Equatable {
  /// Written: what to say (the toast), e.g. `已录入 c6-1-2 = 95 (u-cgj, 2016-09-02)`.
  case written(String)
  /// Refused: why, shown in the form.
  case refused(String)
}
