import Foundation
import Testing
import _TestSupport

/// The library's public API is what its users see: the command line reaches nothing else, and
/// every public declaration is documented.
@Suite("The public API")
struct PublicAPITests {
    /// The modules the library product re-exports, and its own.
    static let modules = [
        "StudioRules", "StudioScenario", "StudioSimulation", "StudioReports", "StudioWorkbook", "StudioForecast",
    ]

    @Test("The command line is built without package access, so it compiles against the public API alone")
    func commandLineWithoutPackageAccess() throws {
        let manifest = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let target = try #require(
            manifest.components(separatedBy: ".executableTarget(").dropFirst().first {
                $0.contains("name: \"studio-forecast\"")
            })
        let declaration = try #require(target.components(separatedBy: "swiftSettings:").first)
        #expect(declaration.contains("packageAccess: false"))
    }

    @Test("Every public declaration has a doc comment, with its parameters, result and errors")
    func publicDeclarationsDocumented() throws {
        var problems: [String] = []
        var checked = 0
        for module in Self.modules {
            let folder = Fixtures.packageRoot.appendingPathComponent("Sources/\(module)")
            let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            for file in files.sorted() where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for problem in DocumentationCheck.problems(in: text) {
                    problems.append("\(module)/\(file):\(problem)")
                }
                checked += DocumentationCheck.publicDeclarations(in: text)
            }
        }
        #expect(checked > 100)
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.joined(separator: "\n"))")
    }

    @Test(
        "The documentation check finds what is missing",
        arguments: [
            ("public struct A {}", ["1: public struct A {} has no doc comment"]),
            ("/// A.\npublic struct A {}", []),
            ("/// Adds.\n@inlinable\npublic func add(_ x: Int) -> Int { x }",
             ["3: add(_ x: Int) -> Int lacks - Parameters", "3: add(_ x: Int) -> Int lacks - Returns"]),
            ("/// Adds.\n///\n/// - Parameter x: a number.\n/// - Returns: the sum.\npublic func add(_ x: Int) -> Int { x }",
             []),
            ("/// Reads.\npublic init(path: String) throws {", ["2: init(path: String) throws lacks - Parameters",
                "2: init(path: String) throws lacks - Throws"]),
            ("/// Reads.\n/// - Parameter path: the file.\n/// - Throws: an error.\npublic init(\n    path: String\n) throws {",
             []),
            ("public import Foundation\npackage func f(_ x: Int) -> Int { x }", []),
        ])
    func checkFindsGaps(source: String, expected: [String]) {
        #expect(DocumentationCheck.problems(in: source) == expected)
    }
}

/// Finds public declarations without a `///` comment, and public functions, initialisers and
/// subscripts whose comment lacks `- Parameters:`, `- Returns:` or `- Throws:` where they apply.
enum DocumentationCheck {
    /// The number of public declarations in `text`, imports aside.
    static func publicDeclarations(in text: String) -> Int {
        text.components(separatedBy: "\n").count(where: isPublicDeclaration)
    }

    /// One `line: what is missing` for each problem in `text`.
    static func problems(in text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        var problems: [String] = []
        for (index, line) in lines.enumerated() where isPublicDeclaration(line) {
            var above = index - 1
            while above >= 0 && lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("@") { above -= 1 }
            var comment: [String] = []
            while above >= 0 && lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                comment.insert(lines[above], at: 0)
                above -= 1
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !comment.isEmpty else {
                problems.append("\(index + 1): \(trimmed) has no doc comment")
                continue
            }
            guard let signature = signature(from: lines[index...]) else { continue }
            let doc = comment.joined(separator: "\n")
            let name = signature.text
            if signature.hasParameters && !doc.contains("- Parameter") {
                problems.append("\(index + 1): \(name) lacks - Parameters")
            }
            if signature.returns && !doc.contains("- Returns") { problems.append("\(index + 1): \(name) lacks - Returns") }
            if signature.throwsErrors && !doc.contains("- Throws") {
                problems.append("\(index + 1): \(name) lacks - Throws")
            }
        }
        return problems
    }

    /// Whether `line` declares something public (an import is not a declaration).
    static func isPublicDeclaration(_ line: String) -> Bool {
        let words = line.split(separator: " ").map(String.init)
        guard let position = words.firstIndex(of: "public") ?? words.firstIndex(where: { $0.hasPrefix("public(") })
        else { return false }
        let modifiers: Set<String> = [
            "static", "final", "nonisolated", "override", "mutating", "required", "convenience", "indirect", "class",
        ]
        guard words[..<position].allSatisfy({ $0.hasPrefix("@") || modifiers.contains($0) }) else { return false }
        return !words.dropFirst(position + 1).starts(with: ["import"])
    }

    /// A function's, initialiser's or subscript's signature from its first line on: whether it
    /// takes parameters, returns a value and throws; nil for other declarations.
    static func signature(from lines: ArraySlice<String>) -> (text: String, hasParameters: Bool, returns: Bool, throwsErrors: Bool)? {
        let keywords: Set<String> = ["func", "init", "init?", "init!", "subscript"]
        guard let first = lines.first,
            first.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "<" }).contains(where: {
                keywords.contains(String($0))
            })
        else { return nil }
        var text = ""
        for line in lines {
            text += (text.isEmpty ? "" : " ") + line.trimmingCharacters(in: .whitespaces)
            if line.contains("{") { break }
        }
        // `->` would read as a closing angle bracket below.
        text = String(text.prefix { $0 != "{" }).trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "->", with: "→")
        let words = text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "<" }).map(String.init)
        guard let kind = words.firstIndex(where: { keywords.contains($0) }),
            let keyword = text.range(of: words[kind]), let open = text[keyword.upperBound...].firstIndex(of: "(")
        else { return nil }
        var depth = 0
        var close = open
        for position in text[open...].indices {
            switch text[position] {
            case "(", "[", "<": depth += 1
            case ")", "]", ">": depth -= 1
            default: break
            }
            if depth == 0 {
                close = position
                break
            }
        }
        guard close > open else { return nil }
        let parameters = text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        let rest = text[text.index(after: close)...]
        let isInit = words[kind].hasPrefix("init")
        let start = isInit ? "init" : (words[kind] == "subscript" ? "subscript" : words[kind + 1])
        return (
            text: start + text[open...].replacingOccurrences(of: "→", with: "->"), hasParameters: !parameters.isEmpty, returns: !isInit && rest.contains("→"),
            throwsErrors: rest.contains("throws")
        )
    }
}
