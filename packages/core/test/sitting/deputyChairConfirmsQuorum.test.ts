import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { PanelId, SittingId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, contextOf, london } from "../fixtures.js"

const nsoStaff = staffOf("north-somerset")
const nso = deciderSpec(sittingDecider, contextOf("north-somerset"))
const monday = london("2027-06-07", "09:00")

describe("a deputy chair decides the quorum in the chair's place (NSO-1)", () => {
  it("NSO-1: given the Assistant Director is away, when a Head of Service deputising as chair says enough members are present, then the quorum is recorded as theirs", () => {
    const history = nso.play([
      {
        _tag: "ScheduleSitting",
        sittingId: SittingId.make("n1"),
        panelId: PanelId.make("care-and-resource"),
        date: "2027-06-09" as LocalDate,
        by: as(nsoStaff.administrator),
        at: monday
      }
    ])
    const state = nso
      .given(history)
      .when({ _tag: "ConfirmQuorum", enough: true, note: "Head of Service chairing", by: as(nsoStaff.headOfService), at: london("2027-06-09", "10:05") })
      .state()
    expect(state?.quorum).toMatchObject({ enough: true, by: { name: nsoStaff.headOfService.name, role: "head_of_service" } })
  })
})
