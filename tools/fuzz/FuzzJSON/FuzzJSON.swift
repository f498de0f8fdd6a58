import CampaignKit
import Foundation

/// The libFuzzer entry point (handed to the driver by main.swift): the JSON parser must return a tree or a syntax error for any bytes,
/// never trap, hang or read out of bounds. Built only by tools/fuzz.sh (see docs/testing.md).
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let node = try? JSONParser.parse(bytes) {
    // Writing the tree back must work too (the writer is what `record` uses).
    _ = JSONWriter.write(node)
  }
  return 0
}
