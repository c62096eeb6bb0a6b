import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

const letter = cmd({ _tag: "RecordLetterBeforeProceedings", sentAt: london("2027-01-11", "10:00") }, london("2027-01-11", "10:00"))
const issued = (issuedAt = london("2027-03-01", "10:00")) => cmd({ _tag: "RecordProceedingsIssued", issuedAt }, issuedAt)
const byId = (events: ReturnType<typeof northSomerset.play>, now: ReturnType<typeof london>) =>
  Object.fromEntries(deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 }).map((d) => [d.id, d]))

describe("what meets the proceedings' clocks (STAT-PLO, STAT-S31)", () => {
  it("STAT-PLO: given pre-proceedings stepped down within 16 weeks, proceedings issued months later do not make the 16 weeks met late", () => {
    const stepped = northSomerset.play([letter, cmd({ _tag: "EndPreProceedings" }, london("2027-03-01", "09:00"))])
    const later = northSomerset.play([issued(london("2027-07-05", "10:00"))], stepped)
    expect(byId(later, london("2027-07-05", "11:00"))["child-1:plo-16w"]).toMatchObject({ state: "met", metAt: london("2027-03-01", "09:00"), metLate: false })
  })

  it("STAT-PLO, STAT-S31: each clock says what it asks of the social worker", () => {
    const extended = northSomerset.play([letter, issued(), cmd({ _tag: "ExtendProceedings", weeks: 4 }, london("2027-08-20", "10:00"))])
    const clocks = byId(extended, london("2027-08-20", "11:00"))
    expect(clocks["child-1:plo-16w"]).toMatchObject({
      title: "Pre-proceedings at 16 weeks: issue proceedings, step down, or record at review why they go on (guidance, not a bar)",
      about: { kind: "child", id: "child-1" }
    })
    expect(clocks["child-1:proceedings-26w"]).toMatchObject({ title: "Care proceedings finish within 26 weeks, unless the court extends", about: { kind: "child", id: "child-1" } })
    expect(clocks["child-1:proceedings-extension:1"]).toMatchObject({
      title: "Care proceedings finish by the end of extension 1, unless the court extends again",
      about: { kind: "child", id: "child-1" }
    })
  })

  it("STAT-S31: proceedings concluded within 26 weeks, never extended, meet the 26 weeks", () => {
    const done = northSomerset.play([issued(), cmd({ _tag: "RecordProceedingsConcluded" }, london("2027-08-02", "15:00"))])
    expect(byId(done, london("2027-08-03", "09:00"))["child-1:proceedings-26w"]).toMatchObject({ state: "met", metAt: london("2027-08-02", "15:00"), metLate: false })
  })

  it("STAT-S31: new proceedings after concluded ones run their own 26 weeks, without the old letter's clock or the old extensions", () => {
    const first = northSomerset.play([letter, issued(), cmd({ _tag: "ExtendProceedings", weeks: 4 }, london("2027-08-20", "10:00")), cmd({ _tag: "RecordProceedingsConcluded" }, london("2027-09-10", "15:00"))])
    const second = northSomerset.play([issued(london("2028-01-10", "10:00"))], first)
    const clocks = byId(second, london("2028-01-11", "09:00"))
    expect(Object.keys(clocks)).toEqual(["child-1:proceedings-26w"])
    expect(clocks["child-1:proceedings-26w"]).toMatchObject({ state: "pending", due: london("2028-07-10", "10:00") })
  })
})
