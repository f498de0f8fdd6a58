import Testing

@testable import CampaignKit

/// ``ChunkedArray`` reads and compares like the array it was made from, whatever its length
/// against the chunk size, and a changed copy leaves the original as it was.
@Suite struct ChunkedArrayTests {
  @Test(arguments: [0, 1, 63, 64, 65, 128, 200])
  func readsLikeTheArray(count: Int) {
    let array = (0..<count).map { "s\($0)" }
    let chunked = ChunkedArray(array)
    #expect(chunked.count == count)
    #expect(Array(chunked) == array)
    #expect(chunked.indices.map { chunked[$0] } == array)
    #expect(chunked.reversed() == array.reversed())
    #expect(ChunkedArray(count: count) { "s\($0)" } == chunked)
    var sum = 0
    chunked.forEachChunk { chunk, base in
      for k in chunk.indices {
        #expect(chunk[k] == array[base + k])
        sum += 1
      }
    }
    #expect(sum == count)
  }

  @Test func aChangedCopyLeavesTheOriginal() {
    let original = ChunkedArray((0..<150).map { [$0] })
    var copy = original
    copy[64] = [-1]
    copy[149].append(7)
    #expect(original[64] == [64] && original[149] == [149])
    #expect(copy[64] == [-1] && copy[149] == [149, 7] && copy[63] == [63] && copy[65] == [65])
    #expect(copy != original)
    copy[64] = [64]
    copy[149] = [149]
    #expect(copy == original)
    #expect(ChunkedArray([[1]]) != ChunkedArray([[1], [2]]))
  }

  @Test func appendingFillsTheLastChunkFirst() {
    var grown = ChunkedArray([Int]())
    let kept = grown
    for i in 0..<130 {
      grown.append(i)
      #expect(grown.count == i + 1 && grown.last == i)
    }
    #expect(grown == ChunkedArray(Array(0..<130)))
    #expect(kept.isEmpty)
  }
}
