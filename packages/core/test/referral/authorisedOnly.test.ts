import { describe, expect, expectTypeOf, it } from "vitest"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import type { Actor } from "../../src/shared/actor.js"
import type { Authorised } from "../../src/shared/authorise.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { staffOf } from "../../src/testing/actors.js"
import { as, london } from "../fixtures.js"

const actor = staffOf("lincolnshire").socialWorker
const at = london("2027-06-01", "09:00")

/**
 * These are checked by the type checker (`npm run typecheck` covers test/): each `@ts-expect-error` fails
 * the typecheck if the line below it ever compiles, so "a use case without the check does not compile" stays true.
 */
describe("a missing authorisation check is a type error", () => {
  it("a command takes an Authorised, never a plain Actor", () => {
    const unchecked: ReferralCommand = {
      _tag: "Submit",
      // @ts-expect-error a plain Actor is not an Authorised: the use case must call authorise() first
      by: actor,
      at
    }
    const uncheckedSitting: SittingCommand = {
      _tag: "PublishAgenda",
      // @ts-expect-error the same for every aggregate's commands
      by: actor,
      at
    }
    const checked: ReferralCommand = { _tag: "Submit", by: as(actor), at }
    expect([unchecked._tag, uncheckedSitting._tag, checked.by.actor.name]).toEqual(["Submit", "PublishAgenda", "Priya Ashdown"])
  })

  it("an Authorised cannot be written by hand: only authorise() makes one", () => {
    // @ts-expect-error the brand is a unique symbol nobody outside authorise.ts can name
    const forged: Authorised = { actor, role: "social_worker", authorityId: actor.authorityId }
    expectTypeOf<Actor>().not.toMatchTypeOf<Authorised>()
    expect(forged.role).toBe("social_worker")
  })
})
