import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { ActionId, } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { holderOf } from "../../src/testing/readyRequest.js"
import { signOffAll } from "../../src/testing/signOffAll.js"
import { london } from "../fixtures.js"
import { onTheAgendaOfTheNinth } from "../readyRequest.js"

// A decision's recommended actions (CPR-8's "recommended actions", LIN-5's tasks) each have an owner, any role the panel
// names: often a Head of Service ("agree the external placement's cost with commissioning"). Caseholders, service
// managers and the administrator record any action's progress; the owner records their own, and only their own.

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

describe("an action owned by a Head of Service", () => {
  it.effect("CPR-8: the Head of Service who owns an action records it completed; another owner's action is refused, naming its owner", () =>
    Effect.gen(function* () {
      const decisions = yield* Decisions
      const { request, sitting } = yield* onTheAgendaOfTheNinth(nso, "external_placement", { id: "child-x", name: "Quinn Ashby" }, staff.assistantDirector)
      const content = exampleDecision(nso, "external_placement", "approve", { actionsDue: "2027-06-23" as LocalDate, key: "ext" })
      const costAgreed = { actionId: ActionId.make("ext-cost"), description: "Agree the placement's weekly cost with commissioning", ownerRole: "head_of_service" as const, dueDate: "2027-06-16" as LocalDate, fgcReferral: false }
      const recorded = yield* decisions.recordAtPanel(staff.administrator, request.id, sitting.id, { ...content, actions: [...content.actions, costAgreed] })
      const decision = yield* signOffAll(recorded, staff.assistantDirector, (role) => holderOf("north-somerset", role))

      yield* TestClock.setTime(london("2027-06-15", "11:00").epochMillis)
      const done = yield* Effect.either(decisions.completeAction(staff.headOfService, decision.id, costAgreed.actionId, "Cost agreed with commissioning on 15 June"))
      expect(done._tag === "Right" ? done.right.content.actions.find((action) => action.actionId === costAgreed.actionId)?.progress : done.left.message).toMatchObject({
        _tag: "Completed",
        by: { name: staff.headOfService.name, role: "head_of_service" }
      })
      const someoneElses = content.actions[0]!
      expect(someoneElses.ownerRole).not.toBe("head_of_service")
      const refused = yield* Effect.either(decisions.markActionOutstanding(staff.headOfService, decision.id, someoneElses.actionId, "Waiting for the school"))
      expect(refused._tag === "Left" ? refused.left : refused.right).toMatchObject({
        _tag: "NotTheRightPerson",
        message: `"${someoneElses.description}" is owned by a ${someoneElses.ownerRole.replace(/_/g, " ")}: only its owner or a social worker, practice supervisor, team manager or service manager can record why it is outstanding.`
      })
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
