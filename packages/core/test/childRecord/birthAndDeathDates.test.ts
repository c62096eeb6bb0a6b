import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { cmd, northSomerset } from "./fixtures.js"

const born = (dateOfBirth: string, when = london("2027-03-02", "09:00")) => cmd({ _tag: "RecordDateOfBirth", dateOfBirth }, when)
const died = (diedOn: string, when = london("2027-03-02", "09:00")) => cmd({ _tag: "RecordChildDeath", diedOn }, when)

describe("the child's dates of birth and death (STAT-S25's age test, STAT-R50)", () => {
  it("a baby born today can have the date of birth recorded; tomorrow's date is refused, saying which date", () => {
    expect(northSomerset.given([]).when(born("2027-03-02")).events()).toMatchObject([{ _tag: "ChildRecordOpened" }, { _tag: "DateOfBirthRecorded", dateOfBirth: "2027-03-02" }])
    expect(northSomerset.given([]).when(born("2027-03-03")).refusal()).toMatchObject({ _tag: "NotYetHappened", message: "A date of birth of Wed 3 Mar 2027 is still to come." })
  })

  it("STAT-R50: a death recorded today is accepted; tomorrow's is refused, saying which date", () => {
    expect(northSomerset.given([]).when(died("2027-03-02")).events()).toMatchObject([{ _tag: "ChildRecordOpened" }, { _tag: "ChildDeathRecorded", diedOn: "2027-03-02" }])
    expect(northSomerset.given([]).when(died("2027-03-03")).refusal()).toMatchObject({ _tag: "NotYetHappened", message: "A death on Wed 3 Mar 2027 is still to come." })
  })

  it("STAT-R50: a child who died on the day they were born can have both recorded, in either order; a death before the birth is refused", () => {
    const birthFirst = northSomerset.play([born("2027-02-10")])
    expect(northSomerset.given(birthFirst).when(died("2027-02-10")).events()).toMatchObject([{ _tag: "ChildDeathRecorded", diedOn: "2027-02-10" }])
    const deathFirst = northSomerset.play([died("2027-02-10")])
    expect(northSomerset.given(deathFirst).when(born("2027-02-10")).events()).toMatchObject([{ _tag: "DateOfBirthRecorded", dateOfBirth: "2027-02-10" }])
    expect(northSomerset.given(birthFirst).when(died("2027-02-09")).refusal()).toMatchObject({
      _tag: "ChildFactRefused",
      ruleId: "STAT-R50",
      message: "The child was born on Wed 10 Feb 2027; a death on Tue 9 Feb 2027 comes before it."
    })
    expect(northSomerset.given(deathFirst).when(born("2027-02-11")).refusal()).toMatchObject({ _tag: "ChildFactRefused", ruleId: "STAT-R50" })
  })

  it("STAT-R50: a second death while one stands is refused, naming the first and how to correct it; after withdrawing it, the right date is recorded", () => {
    const first = northSomerset.play([died("2027-02-10")])
    expect(northSomerset.given(first).when(died("2027-02-12", london("2027-03-03", "09:00"))).refusal()).toMatchObject({
      _tag: "ChildFactRefused",
      ruleId: "STAT-R50",
      message:
        "The child is already recorded as having died on Wed 10 Feb 2027. If that date is wrong, withdraw it (withdrawChildDeath), then record the right one: the retention date (STAT-R50) and the end of being looked after (STAT-R33) rest on it."
    })
    const withdrawn = northSomerset.play([
      died("2027-02-10"),
      cmd({ _tag: "WithdrawChildRecordEntry", entry: { kind: "death", diedOn: "2027-02-10" }, reason: "The wrong date was entered" }, london("2027-03-02", "10:00"), "teamManager")
    ])
    expect(northSomerset.given(withdrawn).when(died("2027-02-12", london("2027-03-03", "09:00"))).events()).toMatchObject([{ _tag: "ChildDeathRecorded", diedOn: "2027-02-12" }])
  })
})
