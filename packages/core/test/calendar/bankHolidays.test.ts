import { describe, expect, it } from "vitest"
import { bankHolidayName, bankHolidaysOf } from "../../src/calendar/bankHolidays.js"
import { localDate } from "../../src/calendar/LocalDate.js"

/**
 * England and Wales bank holidays as published on gov.uk (https://www.gov.uk/bank-holidays), substitute days
 * included, weekend dates excluded. Pinned so that a `date-holidays` upgrade that changes any of them fails here.
 */
const official: Record<number, ReadonlyArray<string>> = {
  2018: ["2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"],
  2019: ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"],
  // early May moved to Friday 8 May for the 75th anniversary of VE day; Boxing Day (Sat) substituted on Mon 28 Dec
  2020: ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"],
  // Christmas Day (Sat) and Boxing Day (Sun) substituted on 27 and 28 Dec
  2021: ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"],
  // New Year (Sat) -> 3 Jan; spring moved to Thu 2 Jun + Platinum Jubilee Fri 3 Jun; Queen's funeral 19 Sep;
  // Christmas Day (Sun) -> Tue 27 Dec
  2022: [
    "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
    "2022-12-26", "2022-12-27"
  ],
  // New Year (Sun) -> 2 Jan; coronation of King Charles III on Mon 8 May
  2023: [
    "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25",
    "2023-12-26"
  ],
  2024: ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"],
  2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
  // Boxing Day (Sat) -> Mon 28 Dec
  2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
  // Christmas Day (Sat) and Boxing Day (Sun) -> 27 and 28 Dec
  2027: ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
  // New Year (Sat) -> Mon 3 Jan
  2028: ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"],
  2029: ["2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26"],
  2030: ["2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26"]
}

describe("England and Wales bank holidays", () => {
  for (const [year, dates] of Object.entries(official)) {
    it(`${year}: exactly the gov.uk list`, () => {
      expect(bankHolidaysOf(Number(year)).map((holiday) => holiday.date)).toEqual(dates)
    })
  }

  it("names the one-off holidays", () => {
    expect(bankHolidayName(localDate("2020-05-08"))).toMatch(/VE day/)
    expect(bankHolidayName(localDate("2022-06-03"))).toMatch(/Platinum Jubilee/)
    expect(bankHolidayName(localDate("2022-09-19"))).toMatch(/Funeral/)
    expect(bankHolidayName(localDate("2023-05-08"))).toMatch(/Coronation/)
  })

  it("names substitute days as substitutes", () => {
    expect(bankHolidayName(localDate("2021-12-27"))).toBe("Christmas Day (substitute day)")
    expect(bankHolidayName(localDate("2021-12-28"))).toBe("Boxing Day (substitute day)")
    expect(bankHolidayName(localDate("2022-01-03"))).toBe("New Year's Day (substitute day)")
  })

  it("still names a holiday that falls on a weekend, though it is not in the list", () => {
    expect(bankHolidayName(localDate("2027-12-25"))).toBe("Christmas Day")
  })

  it("does not count observances (Mother's Day, Easter Sunday, Father's Day)", () => {
    expect(bankHolidayName(localDate("2027-03-07"))).toBeUndefined()
    expect(bankHolidayName(localDate("2027-03-28"))).toBeUndefined()
    expect(bankHolidayName(localDate("2027-06-20"))).toBeUndefined()
  })

  it("does not count the May 4 2020 date that VE day replaced, nor Scotland's 2 January", () => {
    expect(bankHolidayName(localDate("2020-05-04"))).toBeUndefined()
    expect(bankHolidayName(localDate("2029-01-02"))).toBeUndefined()
  })
})
