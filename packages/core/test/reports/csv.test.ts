import { describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { columnsOf, type CsvRow, toCsv } from "../../src/reports/csv.js"
import { RequestRow } from "../../src/reports/requestRows.js"

/** An RFC 4180 reader, to check what a spreadsheet would read back. */
const parse = (csv: string): string[][] => {
  const records: string[][] = []
  let record: string[] = []
  let cell = ""
  let quoted = false
  let i = 0
  while (i < csv.length) {
    const c = csv[i]!
    const next = csv[i + 1]
    i++
    if (quoted) {
      if (c === '"' && next === '"') {
        cell += '"'
        i++
      } else if (c === '"') {
        quoted = false
      } else {
        cell += c
      }
    } else if (c === '"') {
      quoted = true
    } else if (c === ",") {
      record.push(cell)
      cell = ""
    } else if (c === "\r" && next === "\n") {
      record.push(cell)
      records.push(record)
      record = []
      cell = ""
      i++
    } else {
      cell += c
    }
  }
  return records
}

describe("CSV export", () => {
  it("writes a header and CRLF-ended records, quoting commas, quotes and line breaks (RFC 4180)", () => {
    const csv = toCsv([
      { id: "ref_1", note: 'She said "no", then left', count: 3, late: true },
      { id: "ref_2", note: "two\r\nlines", count: undefined, late: false }
    ])
    expect(csv).toBe('id,note,count,late\r\nref_1,"She said ""no"", then left",3,true\r\nref_2,"two\r\nlines",,false\r\n')
  })

  it("guards cells a spreadsheet would run as formulas; numbers stay numbers", () => {
    const csv = toCsv([{ a: "=HYPERLINK(\"http://x\")", b: "+1", c: "-2+3", d: "@SUM(A1)", e: -5, f: "\tx", g: "a=b" }])
    expect(parse(csv)[1]).toEqual(["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "-5", "'\tx", "a=b"])
  })

  it("takes the columns given, or every key in the order first seen; a missing cell is empty", () => {
    expect(toCsv([{ a: 1 }, { b: 2, a: 3 }])).toBe("a,b\r\n1,\r\n3,2\r\n")
    expect(toCsv([{ a: 1, b: 2 }], ["b"])).toBe("b\r\n2\r\n")
    expect(toCsv([], columnsOf(RequestRow)).split("\r\n")[0]).toBe(
      "referralId,panelId,requestTypes,children,childIds,submittedAt,submittedOn,acceptedLate,standing,firstDecisionOn,firstOutcome,outcomeOn,outcome,hearings,deferrals,calendarDaysToFirstDecision,workingDaysToFirstDecision,calendarDaysToOutcome,workingDaysToOutcome"
    )
    expect(toCsv([])).toBe("")
  })

  const cell = fc.oneof(fc.string({ unit: "binary" }), fc.integer(), fc.boolean(), fc.constant(undefined))
  test.prop([fc.array(fc.dictionary(fc.constantFrom("a", "b", "c,d", 'e"f'), cell), { maxLength: 20 })])(
    "reads back cell for cell, every text cell as written or guarded with one quote",
    (rows: ReadonlyArray<CsvRow>) => {
      const columns = ["a", "b", "c,d", 'e"f']
      const read = parse(toCsv(rows, columns))
      expect(read[0]).toEqual(columns)
      expect(read.slice(1)).toEqual(
        rows.map((row) =>
          columns.map((column) => {
            const value = row[column]
            if (value === undefined || value === null) return ""
            if (typeof value !== "string") return String(value)
            return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
          })
        )
      )
    }
  )
})
