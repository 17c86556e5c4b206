import StudioReports
import Testing

@Suite("Numbers in files")
struct PlainNumberTests {
    @Test(
        "Never scientific notation, and reading back gives the same number",
        arguments: [
            (1_500_000.0, "1500000"), (0.0625, "0.0625"), (1e-5, "0.00001"), (-2.5e-7, "-0.00000025"),
            (1.5e16, "15000000000000000"), (123.456, "123.456"), (0, "0"), (-0.0, "0"), (1e21, "1000000000000000000000"),
            (0.1 + 0.2, "0.30000000000000004"),
        ])
    func plain(_ value: Double, _ text: String) {
        #expect(PlainNumber.format(value) == text)
        #expect(!PlainNumber.format(value).contains("e"))
        #expect(Double(PlainNumber.format(value)) == value)
    }

    @Test(
        "Whole numbers of any size are written whole, without a decimal point",
        arguments: [
            (1e15, "1000000000000000"), (1_234_567_890_123_456.0, "1234567890123456"),
            (-9_007_199_254_740_992.0, "-9007199254740992"), (9.3e18, "9300000000000000000"),
            (1.5e300, "15" + String(repeating: "0", count: 299)),
        ])
    func large(_ value: Double, _ text: String) {
        #expect(PlainNumber.format(value) == text)
        #expect(Double(PlainNumber.format(value)) == value)
    }

    @Test(
        "Tables group numbers beyond any fixed-width integer",
        arguments: [
            (9.3e18, "9,300,000,000,000,000,000"), (-1e20, "-100,000,000,000,000,000,000"),
            (1_234_567_890_123_456.25, "1,234,567,890,123,456"),
        ])
    func groupedLarge(_ value: Double, _ text: String) {
        #expect(PlainNumber.grouped(value) == text)
    }

    @Test("Missing and infinite values are empty fields")
    func nonFinite() {
        #expect(PlainNumber.format(.nan) == "")
        #expect(PlainNumber.format(.infinity) == "")
    }

    @Test("Tables group thousands", arguments: [(4_659_265.4, "4,659,265"), (999.0, "999"), (-1_000.0, "-1,000"), (0.0, "0")])
    func grouped(_ value: Double, _ text: String) {
        #expect(PlainNumber.grouped(value) == text)
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-4 test vectors")
    func vectors() {
        #expect(SHA256.hexDigest(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
