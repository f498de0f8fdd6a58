extension Campaign {
  /// True when `other` has this campaign's organisation, indicators, tasks and problems (one is
  /// a reload of the other's report files only): what depends on them alone can be kept.
  public func hasSameStructure(as other: Campaign) -> Bool { layout === other.layout }
}
