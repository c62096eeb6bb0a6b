import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { addDays, type LocalDate } from "../../src/calendar/LocalDate.js"
import { atLondon, londonDateOf, type TimeOfDay } from "../../src/calendar/londonTime.js"
import type { ChildRecord } from "../../src/childRecord/ChildRecord.js"
import { childRecordClocks } from "../../src/childRecord/childRecordClocks.js"
import type { ChildRecordCommand } from "../../src/childRecord/ChildRecordCommands.js"
import { legalStatusCodes } from "../../src/childRecord/LegalStatus.js"
import { preset } from "../../src/policy/authorities/index.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

const hour = 3_600_000
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)
const at = (day: LocalDate, hours: number) => atLondon(day, `${String(hours).padStart(2, "0")}:00` as TimeOfDay)

/**
 * A child who died on `diedOn`, recorded `recordedDaysAfter` days later at `recordedHour`; a legal status `code` from
 * `daysBefore` days before the death, entered either promptly or `lagHours` after the death was recorded; perhaps an
 * earlier period of care that ended before it; perhaps the death withdrawn at the end.
 */
const caseArb = fc.record({
  diedOn: fc.integer({ min: 0, max: 300 }).map((days) => addDays("2027-01-10" as LocalDate, days)),
  recordedDaysAfter: fc.integer({ min: 0, max: 5 }),
  recordedHour: fc.integer({ min: 0, max: 23 }),
  code: fc.constantFrom(...legalStatusCodes),
  daysBefore: fc.integer({ min: 1, max: 40 }),
  statusHour: fc.integer({ min: 8, max: 17 }),
  lagHours: fc.integer({ min: 1, max: 24 * 10 }),
  earlierPeriod: fc.boolean(),
  withdrawn: fc.boolean()
})
type Case = typeof caseArb extends fc.Arbitrary<infer A> ? A : never

/** The commands of `c`, the status entered before the death is recorded or after it. */
const entered = (c: Case, statusFirst: boolean): ReadonlyArray<ChildRecordCommand> => {
  const deathAt = at(addDays(c.diedOn, c.recordedDaysAfter), c.recordedHour)
  const from = at(addDays(c.diedOn, -c.daysBefore), c.statusHour)
  const death = cmd({ _tag: "RecordChildDeath", diedOn: c.diedOn }, deathAt)
  const status = cmd({ _tag: "RecordLegalStatus", code: c.code, from }, statusFirst ? plus(from, hour) : plus(deathAt, c.lagHours * hour))
  const earlier = c.earlierPeriod
    ? [
        cmd({ _tag: "RecordLegalStatus", code: "C2", from: plus(from, -20 * 24 * hour) }, plus(from, -20 * 24 * hour)),
        cmd({ _tag: "RecordLookedAfterEnded", endedAt: plus(from, -2 * 24 * hour), reason: "Returned home to her mother" }, plus(from, -2 * 24 * hour))
      ]
    : []
  const latest = plus(deathAt, (c.lagHours + 24) * hour)
  const withdrawal = c.withdrawn
    ? [cmd({ _tag: "WithdrawChildRecordEntry", entry: { kind: "death", diedOn: c.diedOn }, reason: "Recorded against the wrong child" }, latest, "teamManager")]
    : []
  return [...earlier, ...(statusFirst ? [status, death] : [death, status]), ...withdrawal]
}

/** What a social worker reads on the record: the death, the statuses, the periods and how they ended, and the clocks. */
const seen = (record: ChildRecord) => ({
  diedOn: record.diedOn,
  legalStatuses: record.legalStatuses.map(({ code, from }) => ({ code, from })),
  lookedAfter: record.lookedAfter.map(({ periodId, from, route, code, ended }) => ({ periodId, from, route, code, endedAt: ended?.endedAt, reason: ended?.reason })),
  clocks: childRecordClocks(record, [], preset("north-somerset")).map(({ id, anchor, metAt }) => ({ id, anchor, metAt }))
})

describe("a legal status dated before the child's death, entered before or after the death is recorded (STAT-R33)", () => {
  test.prop([caseArb])("the record reads the same either way: the period ends at the death, or is open again once the death is withdrawn", (c) => {
    const statusFirst = recordOf(northSomerset.play(entered(c, true)))
    const deathFirst = recordOf(northSomerset.play(entered(c, false)))
    expect(seen(deathFirst)).toEqual(seen(statusFirst))
    const period = deathFirst.lookedAfter.at(-1)!
    if (c.withdrawn) expect(period.ended).toBeUndefined()
    else expect([londonDateOf(period.ended!.endedAt) <= addDays(c.diedOn, 1), period.ended!.reason]).toEqual([true, "died"])
  })
})
