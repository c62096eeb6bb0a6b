import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { Effect, TestClock } from "effect"
import { Decisions } from "../../src/decision/Decisions.js"
import type { ReadModels } from "../../src/ports/ReadModels.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { ActionId, DecisionId, type ReferralId, SittingId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { requestWithPapers } from "../../src/testing/readyRequest.js"
import { london } from "../fixtures.js"

// The API refused a blank reason at its edge, but the core took one: the terminal UI (which calls the core) returned a
// request "for changes" with a reason of three spaces, and the social worker was told nothing. Every command whose
// reason, evidence or note is its point is now refused blank by the core, whichever way it comes in.

const lincolnshire = preset("lincolnshire")
const staff = staffOf("lincolnshire")

type Refusal = { readonly _tag: string; readonly message: string }
type Attempt = readonly [name: string, field: string, command: Effect.Effect<unknown, Refusal, ReadModels>]

/** Each command with its text left blank, and the field it names. */
const commands = (referralId: ReferralId, blank: string) =>
  Effect.gen(function* () {
    const [referrals, sittings, decisions] = yield* Effect.all([Referrals, Sittings, Decisions])
    const decision = DecisionId.make("dec_1")
    const action = ActionId.make("act_1")
    return [
      ["returnForChanges", "reason", referrals.returnForChanges(staff.teamManager, referralId, blank)],
      ["grantLatePermission", "reason", referrals.grantLatePermission(staff.chair, referralId, SittingId.make("sit_1"), blank)],
      ["withdraw", "reason", referrals.withdraw(staff.socialWorker, referralId, blank)],
      ["redirect", "reason", referrals.redirect(staff.teamManager, referralId, { ruleId: "LIN-4", reason: blank })],
      ["cancel", "reason", sittings.cancel(staff.administrator, SittingId.make("sit_1"), blank)],
      ["refuseOutsidePanel", "reason", decisions.refuseOutsidePanel(staff.serviceManager, decision, blank)],
      ["completeAction", "evidence", decisions.completeAction(staff.socialWorker, decision, action, blank)],
      ["markActionOutstanding", "reason", decisions.markActionOutstanding(staff.socialWorker, decision, action, blank)],
      ["recordActionsCaseNote", "note", decisions.recordActionsCaseNote(staff.teamManager, decision, blank)]
    ] as const
  })

describe("a blank reason, evidence or note", () => {
  it.effect("is refused by the core for every command that needs one, naming the field, and the request is as it was", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const request = yield* requestWithPapers(lincolnshire, "s20_accommodation", { id: "child-q", name: "Quinn Alder" })
      const referrals = yield* Referrals
      for (const blank of fc.sample(fc.stringMatching(/^[ \t\n\r]*$/), { numRuns: 12, seed: 7 })) {
        const attempts: ReadonlyArray<Attempt> = yield* commands(request.id, blank)
        for (const [name, field, command] of attempts) {
          const answer = yield* Effect.either(command)
          expect([name, answer._tag === "Left" ? `${answer.left._tag}: ${answer.left.message}` : "accepted"]).toEqual([
            name,
            `InvalidInput: Nothing was saved. Please correct: ${field} must not be empty.`
          ])
        }
      }
      expect((yield* referrals.get(staff.administrator, request.id)).status).toBe(request.status)
      // Given, the reason is kept trimmed.
      const returned = yield* referrals.returnForChanges(staff.teamManager, request.id, "  The school report is missing \n")
      expect(returned.status).toBe("draft")
    }).pipe(Effect.provide(inMemoryCore(lincolnshire)))
  )
})
