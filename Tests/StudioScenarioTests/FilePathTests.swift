import Foundation
import Testing
@testable import StudioScenario

@Suite("Path text taken apart without Foundation's one-character trap")
struct FilePathTests {
    @Test(
        "The folder part of a path, as NSString gives it",
        arguments: [
            ("a/b", "a"), ("/a/b", "/a"), ("/a", "/"), ("/", "/"), ("a", ""), ("F", ""), ("", ""),
            ("a/", ""), ("a/b/", "a"), ("a//b", "a"), ("./F", "."), ("out/名/forecast.csv", "out/名"),
        ])
    func parent(_ path: String, _ expected: String) {
        #expect(FilePath.parent(of: path) == expected)
    }

    @Test("It agrees with NSString wherever NSString does not trap", arguments: ["ab/c", "/ab", "ab/", "x/yz//", "//a"])
    func agreesWithFoundation(_ path: String) {
        #expect(FilePath.parent(of: path) == (path as NSString).deletingLastPathComponent)
    }
}
