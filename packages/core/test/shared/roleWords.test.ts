import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { authorise, permission } from "../../src/shared/authorise.js"
import { oneOfRoles } from "../../src/shared/roles.js"
import { staffOf } from "../../src/testing/actors.js"

describe("roles in words", () => {
  it("one of several roles takes the article its first word needs", () => {
    expect(oneOfRoles(["team_manager", "head_of_service"])).toBe("a team manager or head of service")
    expect(oneOfRoles(["assistant_director"])).toBe("an Assistant Director")
    expect(oneOfRoles(["integrator", "panel_chair"])).toBe("an integrator or panel chair")
  })

  it("a refusal names who may act, in plain English", () => {
    const refused = Effect.runSync(Effect.flip(authorise(staffOf("lincolnshire").socialWorker, permission("agree an out-of-hours placement", "assistant_director"))))
    expect(refused.message).toBe("Only an Assistant Director can agree an out-of-hours placement.")
  })
})
