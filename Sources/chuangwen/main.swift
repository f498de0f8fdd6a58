import CampaignKit
print(CampaignKitVersion.schema)
