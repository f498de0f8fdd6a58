/// `campaign.json` `circular`: who issues the weekly circular (通报) and to whom it goes. Every
/// field is optional; a campaign without them still gets a circular, with the campaign's title
/// as the issuer and no distribution lines.
public struct CircularInfo: Sendable, Equatable {
  /// The issuing office in full (洪江市创建省级文明城市工作指挥部办公室).
  public var office: String?
  /// Its short name, as the masthead's issuer line and the signature use it (市创建办).
  public var officeShort: String?
  /// The series the circular belongs to (创文工作通报); the issue number is the meeting's.
  public var series: String?
  /// 报送: the offices and leaders the circular is sent up to.
  public var submitTo: [String]
  /// 抄送: the offices it is copied to.
  public var copyTo: [String]
  /// The caption of the space left for the office's seal; nil leaves no seal space.
  public var seal: String?

  public init(
    office: String? = nil, officeShort: String? = nil, series: String? = nil, submitTo: [String] = [],
    copyTo: [String] = [], seal: String? = nil
  ) {
    self.office = office
    self.officeShort = officeShort
    self.series = series
    self.submitTo = submitTo
    self.copyTo = copyTo
    self.seal = seal
  }
}

/// One escalation step of the black list (`ranking.escalation[i]`): its name, what it means
/// for the unit, and the days the unit has to put things right. A step given as a bare string
/// (the older form) has only its name.
public struct EscalationRule: Sendable, Equatable {
  public var step: String
  /// What happens at this step (由市创建办约谈单位主要负责人).
  public var action: String?
  /// Days from the meeting by which the unit must have rectified (整改期限).
  public var daysToFix: Int?

  public init(step: String, action: String? = nil, daysToFix: Int? = nil) {
    self.step = step
    self.action = action
    self.daysToFix = daysToFix
  }
}
