import Foundation

// SwiftPM links every executable with `main` aliased to this module's top-level code, which
// hides libFuzzer's own `main`; so the top-level code hands over to libFuzzer's driver.
let status = FuzzDriver.run(fuzzLoader)
exit(status)
