import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { requestWithPapers } from "../../src/testing/readyRequest.js"
import { signOffAll } from "../../src/testing/signOffAll.js"
import { london } from "../fixtures.js"

// DEF-QUORUM-CHAIR-DECIDES: the chair says whether enough members are present. Members leave part-way through a
// sitting: the chair records "not enough" after the first child was decided. The sitting is then read as one that
// decided nothing (`decidesNothing`), for the whole sitting: CPR-11 no longer asks for the decided child's record to be
// uploaded, although that child's decision stands and its sheet still has to reach the file.
//
// Proposed fix (a product decision: the record of quorum is one finding per sitting today, so not built here): keep
// when quorum was lost (a finding with its time, or a second event), so the children decided before it are still
// uploaded (CPR-11) and only the requests not yet heard go on to another sitting.

const cpr = preset("care-planning")
const staff = staffOf("care-planning")

describe("a sitting whose members left after its first decision", () => {
  it.effect.fails("CPR-11: the child decided while the sitting was quorate is still asked to be uploaded once the chair records too few members", () =>
    Effect.gen(function* () {
      const [referrals, decisions, sittings, deadlines] = yield* Effect.all([Referrals, Decisions, Sittings, Deadlines])
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const first = yield* requestWithPapers(cpr, "placement_change", { id: "child-1", name: "Ari Penrose" })
      const second = yield* requestWithPapers(cpr, "placement_change", { id: "child-2", name: "Bo Penrose" })
      const sitting = yield* sittings.schedule(staff.administrator, cpr.panels[0].id, "2027-06-09" as LocalDate)
      for (const request of [first, second]) yield* referrals.acceptOntoSitting(staff.administrator, request.id, sitting.id)
      yield* sittings.buildAgenda(
        staff.administrator,
        sitting.id,
        [first, second].map((request) => ({ referralId: request.id, childIds: request.form.children.map((child) => child.childId), kind: "request" as const, summary: "Placement change" }))
      )
      yield* TestClock.setTime(sitting.startsAt.epochMillis)
      yield* sittings.confirmQuorum(staff.chair, sitting.id, true, "Chair and five members present")
      const content = exampleDecision(cpr, "placement_change", "approve", { actionsDue: "2027-06-23" as LocalDate, key: "first" })
      yield* signOffAll(yield* decisions.recordAtPanel(staff.administrator, first.id, sitting.id, content), staff.chair, () => staff.chair)
      // 11:00: three members leave for an emergency; the chair records that too few remain.
      yield* TestClock.setTime(london("2027-06-09", "11:00").epochMillis)
      yield* sittings.confirmQuorum(staff.chair, sitting.id, false, "Three members called away; too few remain")

      yield* TestClock.setTime(london("2027-06-09", "14:00").epochMillis)
      yield* sittings.sendDraftRecordToChair(staff.administrator, sitting.id)
      yield* sittings.returnFinalRecord(staff.chair, sitting.id)
      const uploads = (yield* deadlines.forAuthority(staff.administrator)).filter((deadline) => deadline.id.startsWith(`${sitting.id}:upload:`))
      expect(uploads.map((deadline) => deadline.id)).toEqual([`${sitting.id}:upload:child-1`])
    }).pipe(Effect.provide(inMemoryCore(cpr)))
  )
})
