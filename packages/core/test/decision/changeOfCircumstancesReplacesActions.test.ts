import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { ActionId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"

// LIN-8: all decisions are carried out; a change of circumstances needs the locality service manager's approval for
// alternative action. An action the alternative takes the place of is no longer owed: it must not run on as overdue,
// nor be closed as "completed" when it was not done.

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const run = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(inMemoryCore(policy)))

/** Lincolnshire's week played: its first decision (final, with an FGC referral and a plan as its actions). */
const decided = Effect.gen(function* () {
  const decision = (yield* playWeek(policy)).decisions[0]!
  const [fgc, plan] = decision.content.actions
  return { decisions: yield* Decisions, decision, fgc: fgc!, plan: plan! }
})

const actionClocks = (decisionId: string) =>
  Effect.map(
    Effect.flatMap(Deadlines, (deadlines) => deadlines.forAuthority(staff.administrator, { includeMet: true })),
    (clocks) => clocks.filter((clock) => clock.id.startsWith(`${decisionId}:action:`)).map((clock) => clock.id)
  )

describe("a change of circumstances that replaces some of a decision's actions (LIN-8)", () => {
  it.effect("LIN-8: the replaced action reads replaced and keeps no clock; the others are still owed", () =>
    run(
      Effect.gen(function* () {
        const { decisions, decision, fgc, plan } = yield* decided
        expect(yield* actionClocks(decision.id)).toEqual([`${decision.id}:action:${fgc.actionId}`, `${decision.id}:action:${plan.actionId}`])

        const changed = yield* decisions.approveChangeOfCircumstances(staff.serviceManager, decision.id, "Grandmother unwell", "A respite carer for two weeks", [
          plan.actionId
        ])
        expect(changed.content.actions.map((action) => [action.actionId, action.progress._tag])).toEqual([
          [fgc.actionId, "Open"],
          [plan.actionId, "Replaced"]
        ])
        expect(changed.content.actions[1]!.progress).toMatchObject({ alternativeAction: "A respite carer for two weeks", by: { name: staff.serviceManager.name } })
        expect(yield* actionClocks(decision.id)).toEqual([`${decision.id}:action:${fgc.actionId}`])

        const done = yield* Effect.flip(decisions.completeAction(staff.socialWorker, decision.id, plan.actionId, "Done anyway"))
        expect(done).toMatchObject({ _tag: "ActionAlreadyClosed", message: `"${plan.description}" was replaced by the alternative action approved when circumstances changed.` })
      })
    )
  )

  it.effect("LIN-8: an approval that names no action replaces none; one naming an unknown or completed action is refused and changes nothing", () =>
    run(
      Effect.gen(function* () {
        const { decisions, decision, fgc, plan } = yield* decided
        const unknown = yield* Effect.flip(
          decisions.approveChangeOfCircumstances(staff.serviceManager, decision.id, "Grandmother unwell", "Respite", [ActionId.make("act_missing")])
        )
        expect(unknown).toMatchObject({ _tag: "NoSuchAction", message: "This decision has no action act_missing." })
        yield* decisions.completeAction(staff.socialWorker, decision.id, fgc.actionId, "Referral sent on 10 June")
        const completed = yield* Effect.flip(decisions.approveChangeOfCircumstances(staff.serviceManager, decision.id, "Grandmother unwell", "Respite", [fgc.actionId]))
        expect(completed).toMatchObject({ _tag: "ActionAlreadyClosed", message: `"${fgc.description}" is already completed.` })

        const none = yield* decisions.approveChangeOfCircumstances(staff.serviceManager, decision.id, "Grandmother unwell", "Respite")
        expect(none.changesOfCircumstances).toHaveLength(1)
        expect(none.content.actions.map((action) => action.progress._tag)).toEqual(["Completed", "Open"])
        expect(yield* actionClocks(decision.id)).toEqual([`${decision.id}:action:${fgc.actionId}`, `${decision.id}:action:${plan.actionId}`])
      })
    )
  )
})
