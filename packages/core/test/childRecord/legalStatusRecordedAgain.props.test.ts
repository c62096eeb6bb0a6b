import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { legalStatusCodes } from "../../src/childRecord/LegalStatus.js"
import { london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A looked-after child's legal status changes over time (SSDA903); recording the current one again is not a change.
const hourly = (i: number) => london("2027-03-25", `${String(10 + i).padStart(2, "0")}:00`)
const legalStatus = (code: string, i: number) => cmd({ _tag: "RecordLegalStatus", code, from: hourly(i) }, hourly(i))
const code = fc.constantFrom(...legalStatusCodes)
/** One to five statuses, each different from the one before it. */
const history = fc.array(code, { minLength: 1, maxLength: 5 }).map((codes) => codes.filter((c, i) => i === 0 || c !== codes[i - 1]))

describe("a legal status recorded again (SSDA903, STAT-R33)", () => {
  test.prop([history])("whatever statuses came before, the current one recorded again records nothing, and the child stays in the one period", (codes) => {
    const events = northSomerset.play(codes.map(legalStatus))
    const current = codes.at(-1)!
    expect(northSomerset.given(events).when(legalStatus(current, codes.length)).events()).toEqual([])
    expect(recordOf(events).lookedAfter).toHaveLength(1)
  })

  test.prop([history, code])("whatever statuses came before, a different status is recorded as a change from its own time, without a new period", (codes, next) => {
    fc.pre(next !== codes.at(-1))
    const events = northSomerset.play(codes.map(legalStatus))
    expect(northSomerset.given(events).when(legalStatus(next, codes.length)).events()).toEqual([
      expect.objectContaining({ _tag: "LegalStatusChanged", code: next, from: hourly(codes.length) })
    ])
  })
})
