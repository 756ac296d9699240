@testable import Dashboard
import Testing

@Suite struct NumberFormatTests {
    @Test func compactNumbersKeepTwoOrThreeSignificantDigits() {
        #expect(NumberFormat.compact(2.3089) == "2.31")
        #expect(NumberFormat.compact(0.045) == "0.045")
        #expect(NumberFormat.compact(0.25) == "0.25")
        #expect(NumberFormat.compact(12.34) == "12.3")
        #expect(NumberFormat.compact(123.4) == "123")
        #expect(NumberFormat.compact(0.0012) == "1.2e-3")
        #expect(NumberFormat.compact(34_567) == "3.5e4")
        #expect(NumberFormat.compact(-0.5) == "-0.50")
        #expect(NumberFormat.compact(0) == "0")
    }

    @Test func compactNamesNonFiniteValues() {
        #expect(NumberFormat.compact(.nan) == "nan")
        #expect(NumberFormat.compact(.infinity) == "inf")
        #expect(NumberFormat.compact(-.infinity) == "-inf")
    }

    @Test func significantKeepsWhatAPersonTyped() {
        #expect(NumberFormat.significant(Double(Float(0.05))) == "0.05")
        #expect(NumberFormat.significant(Double(Float(0.0125))) == "0.0125")
        #expect(NumberFormat.significant(1e-5) == "1e-5")
        #expect(NumberFormat.factor(2) == "2")
        #expect(NumberFormat.factor(1.5) == "1.5")
    }

    @Test func significantIsFixedPointFromAThousandthToTenThousand() {
        #expect(NumberFormat.significant(0.098) == "0.098")
        #expect(NumberFormat.significant(0.0096) == "0.0096")
        #expect(NumberFormat.significant(0.0012345) == "0.00123")
        #expect(NumberFormat.significant(0.001) == "0.001")
        #expect(NumberFormat.significant(2.3089) == "2.31")
        #expect(NumberFormat.significant(123.456) == "123")
        #expect(NumberFormat.significant(1234) == "1230")
        #expect(NumberFormat.significant(9990) == "9990")
        #expect(NumberFormat.significant(-0.5) == "-0.5")
        #expect(NumberFormat.significant(0) == "0")
    }

    @Test func significantTurnsScientificOutsideThatRange() {
        #expect(NumberFormat.significant(0.00096) == "9.6e-4")
        #expect(NumberFormat.significant(9.6e-5) == "9.6e-5")
        #expect(NumberFormat.significant(0.000_123_45) == "1.23e-4")
        #expect(NumberFormat.significant(12_345) == "1.23e4")
        #expect(NumberFormat.significant(-20_000) == "-2e4")
        // The style follows the value as rounded to three digits.
        #expect(NumberFormat.significant(0.000_999_7) == "0.001")
        #expect(NumberFormat.significant(9999.7) == "1e4")
        #expect(NumberFormat.significant(.nan) == "nan")
    }

    @Test func ratesUseThousandsAndMillions() {
        #expect(NumberFormat.rate(850) == "850")
        #expect(NumberFormat.rate(61_234) == "61.2k")
        #expect(NumberFormat.rate(999_990) == "1.00M")
        #expect(NumberFormat.rate(1_250_000) == "1.25M")
        #expect(NumberFormat.rate(.nan) == "–")
    }

    @Test func durationsShowTheTwoLargestUnits() {
        #expect(NumberFormat.duration(45.4) == "45s")
        #expect(NumberFormat.duration(65) == "1m05s")
        #expect(NumberFormat.duration(7380) == "2h03m")
        #expect(NumberFormat.duration(-1) == "–")
        #expect(NumberFormat.duration(.infinity) == "–")
    }

    @Test func percentagesHaveOneDecimal() {
        #expect(NumberFormat.percent(0.9412) == "94.1%")
        #expect(NumberFormat.percent(1) == "100.0%")
        #expect(NumberFormat.percent(.nan) == "–")
    }
}
