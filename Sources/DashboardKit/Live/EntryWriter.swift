import CampaignKit

/// Checks a submitted ``EntryForm`` against the campaign and writes it through the shared
/// writers — ``ReportWriter`` for a value (as `record` and `import` do), ``ProblemLedgerWriter``
/// for a loop step (as `problem fix|verify|reopen` do) — under ``CampaignWriteLock``. Refusals use the
/// same rules and words as the command line.
enum EntryWriter {
  /// Writes `form` into the campaign at `directory`; what became of it, and the file written
  /// (relative to the directory) for the runner to reload.
  static func write(_ form: EntryForm, campaign c: Campaign, directory: String, language: Language)
    -> (EntryOutcome, String?)
  {
    let zh = language == .zh
    do {
      let day = try ReportValue.day(form.text(.date), period: c.info)
      switch form.purpose {
      case .report(let subject):
        let measure: Measure
        let lead: String?
        switch subject {
        case .indicator(let id):
          guard let i = c.indicator(id) else { return (.refused("unknown indicator \"\(id)\""), nil) }
          (measure, lead) = (i.measure, i.lead)
        case .task(let id):
          guard let t = c.task(id) else { return (.refused("unknown task \"\(id)\""), nil) }
          (measure, lead) = (t.measure, t.lead)
        }
        guard let unit = lead else {
          return (
            .refused(zh ? "\(subject.id) 没有牵头单位，无处写入" : "\(subject.id) has no lead unit to report it"), nil
          )
        }
        let value = try ReportValue.parse(form.text(.value), measure: measure)
        let entry = ReportEntry(date: day, subject: subject, value: value, note: form.text(.note))
        var writer = ReportWriter(directory: directory)
        let file = try CampaignWriteLock.withLock(directory: directory) {
          try writer.append([entry], unit: unit, day: day)
        }
        let shown = JSONWriter.numberText(value) + (measure.unit.isEmpty ? "" : " " + measure.unit)
        return (
          .written(
            zh
              ? "已录入 \(subject.id) = \(shown)（\(unit)，\(day)）→ \(file)"
              : "recorded \(subject.id) = \(shown) for \(unit) on \(day) in \(file)"), file
        )
      case .fix(let id), .verify(let id), .reopen(let id):
        let step: ProblemLedgerWriter.Step =
          switch form.purpose {
          case .fix: .fix(id: id, on: day, note: form.text(.note))
          case .verify: .verify(id: id, on: day, by: form.text(.by))
          default: .reopen(id: id, on: day, note: form.text(.note))
          }
        _ = try CampaignWriteLock.withLock(directory: directory) {
          try ProblemLedgerWriter(directory: directory).apply(step, campaign: c)
        }
        let said =
          switch form.purpose {
          case .fix: zh ? "\(id) 已整改（\(day)），待复核" : "\(id) fixed on \(day); it awaits verification"
          case .verify: zh ? "\(id) 已复核销号（\(day)）" : "\(id) verified and closed on \(day)"
          default: zh ? "\(id) 已退回重新整改（\(day)）" : "\(id) reopened on \(day); back to the unit"
          }
        return (.written(said), "problems.json")
      }
    } catch let r as ReportValue.Refusal {
      return (.refused(r.description), nil)
    } catch let r as ProblemLedgerWriter.Refusal {
      return (.refused(r.description), nil)
    } catch {
      return (.refused("\(error)"), nil)
    }
  }
}
