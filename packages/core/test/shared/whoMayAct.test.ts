import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import fc from "fast-check"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import { Actor } from "../../src/shared/actor.js"
import { actedBy, authorise, permission } from "../../src/shared/authorise.js"
import { authorityContext } from "../../src/shared/authorityContext.js"
import { AuthorityId, PersonId } from "../../src/shared/ids.js"
import { everyRole, type Role } from "../../src/shared/roles.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"
import { lincolnshire, northSomerset, staff } from "./fixtures.js"

// Who may run a use case, the words of a refusal, what the events remember of who acted, and the authority's own
// policy and calendar that every command is decided under.
const personWith = (roles: ReadonlyArray<Role>) =>
  new Actor({ personId: PersonId.make("kit-lowther"), name: "Kit Lowther", authorityId: AuthorityId.make("lincolnshire"), roles: roles as [Role, ...Role[]] })

describe("who may act", () => {
  it("a person holding an allowed role acts under the first of the use case's roles they hold, for their own authority", () => {
    const ruth = staff.assistantDirector
    const chairing = Effect.runSync(authorise(ruth, permission("chair a sitting", "panel_chair", "vice_chair", "assistant_director")))
    expect([chairing.role, chairing.authorityId, chairing.actor]).toEqual(["panel_chair", "lincolnshire", ruth])
    const agreeing = Effect.runSync(authorise(ruth, permission("agree an out-of-hours placement", "assistant_director", "panel_chair")))
    expect(agreeing.role).toBe("assistant_director")
  })

  it("a person holding none of them is refused, naming the action and who may do it", () => {
    const refused = Effect.runSync(Effect.flip(authorise(staff.member, permission("sign off a decision sheet", "panel_chair", "vice_chair"))))
    expect(refused).toMatchObject({
      _tag: "NotPermitted",
      action: "sign off a decision sheet",
      allowed: ["panel_chair", "vice_chair"],
      message: "Only a panel chair or vice chair can sign off a decision sheet."
    })
  })

  it("any roles: authorised exactly when one role is shared, under the use case's first shared role; otherwise refused in words", () => {
    const roles = fc.subarray([...everyRole], { minLength: 1 }).chain((held) => fc.tuple(fc.constant(held), fc.shuffledSubarray([...everyRole], { minLength: 1 })))
    fc.assert(
      fc.property(roles, ([held, allowed]) => {
        const answer = Effect.runSync(Effect.either(authorise(personWith(held), permission("open a request", ...allowed))))
        const shared = allowed.find((role) => held.includes(role))
        if (shared === undefined) {
          expect(Either.isLeft(answer) && answer.left.message).toMatch(/^Only an? .+ can open a request\.$/)
          expect(Either.isLeft(answer) && answer.left.allowed).toEqual(allowed)
        } else {
          expect(Either.isRight(answer) && answer.right.role).toBe(shared)
        }
      })
    )
  })
})

describe("what the events remember of who acted", () => {
  it("the person, their name and the role they acted in, and nothing of a delivery when they acted directly", () => {
    const by = actedBy(Effect.runSync(authorise(staff.teamManager, permission("amend a note", "team_manager"))))
    expect(by).toStrictEqual({ personId: "tom-brackley", name: "Tom Brackley", role: "team_manager" })
    expect("via" in by).toBe(false)
  })

  it("the case system's delivery they acted through, when they did", () => {
    const via = { sourceId: "mosaic-lincolnshire", deliveryId: "msg_2027_0001" }
    const bridge = new Actor({ ...staff.integrator, via })
    const by = actedBy(Effect.runSync(authorise(bridge, permission("record a referral from the case system", "integrator"))))
    expect(by).toStrictEqual({ personId: "case-system-bridge", name: "Case System Bridge", role: "integrator", via })
  })
})

describe("an authority's context", () => {
  it.effect("is its own policy and a calendar that knows its closure days as well as the bank holidays", () =>
    Effect.gen(function* () {
      const closing = { ...lincolnshire, closureDays: [{ date: "2027-12-29" as LocalDate, reason: "council Christmas shutdown" }] }
      const context = yield* authorityContext(AuthorityId.make("lincolnshire")).pipe(
        Effect.provide(staticPolicies(northSomerset, closing)),
        Effect.provide(EnglandAndWalesCalendar)
      )
      expect(context.policy.authority).toEqual({ id: "lincolnshire", name: "Lincolnshire" })
      expect(context.calendar.isWorkingDay("2027-12-29" as LocalDate)).toBe(false)
      expect(context.calendar.closureReason("2027-12-29" as LocalDate)).toBe("authority closure: council Christmas shutdown")
      expect(context.calendar.closureReason("2027-12-27" as LocalDate)).toBe("Christmas Day (substitute day)")
      expect(context.calendar.nextWorkingDay("2027-12-28" as LocalDate)).toBe("2027-12-30")
    })
  )

  it.effect("of an authority with no policy is not found, by its id", () =>
    Effect.gen(function* () {
      const missing = yield* Effect.flip(
        authorityContext(AuthorityId.make("atlantis")).pipe(Effect.provide(staticPolicies(lincolnshire)), Effect.provide(EnglandAndWalesCalendar))
      )
      expect(missing).toMatchObject({ _tag: "NotFound", what: "authority", id: "atlantis", message: "No authority with id atlantis was found." })
    })
  )
})
