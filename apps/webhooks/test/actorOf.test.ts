import { AuthorityId, PersonId, Role } from "@carepanel/core"
import { Effect, Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { actorOf } from "../src/apply/actorOf.js"

const authorityId = AuthorityId.make("wexcombe")
const via = { sourceId: "mosaic", deliveryId: "msg_actor" }
const staff = (role: Role) => ({ personId: PersonId.make("W-3107"), name: "Priya Ashdown", role })
const actingAs = (role: Role, sourceRoles: ReadonlyArray<Role>) => Effect.runSync(Effect.either(actorOf(authorityId, staff(role), sourceRoles, via)))

describe("who a delivery acts as (a source acts only in the roles its configuration lists)", () => {
  it("acts for the staff member named, in that one role, for the source's authority and delivery, when the source may act in it; else refuses, whatever the roles", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Role.literals), fc.subarray([...Role.literals]), (role, sourceRoles) => {
        const acting = actingAs(role, sourceRoles)
        if (sourceRoles.includes(role)) {
          expect(Either.getOrThrow(acting)).toMatchObject({ personId: "W-3107", name: "Priya Ashdown", authorityId: "wexcombe", roles: [role], via })
        } else {
          expect(Either.isLeft(acting) && acting.left._tag).toBe("NotPermitted")
        }
      }),
      { seed: 7, numRuns: 300 }
    )
  })

  it("refuses a role outside the source's with the roles it may act as and the one asked for", () => {
    const refused = actingAs("head_of_service", ["social_worker", "team_manager"])
    const { _tag, action, allowed, message } = Either.flip(refused).pipe(Either.getOrThrow)
    expect({ _tag, action, allowed, message }).toEqual({
      _tag: "NotPermitted",
      action: "act as a head of service through this source",
      allowed: ["social_worker", "team_manager"],
      message: "This source may act only as a social worker or team manager, not as a head of service."
    })
  })
})
