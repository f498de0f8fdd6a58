public enum CampaignKitVersion { public static let schema = "chuangwen/1" }
