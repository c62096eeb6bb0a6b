import { PersonId } from "@carepanel/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { resolveAddresses, staticDirectory } from "../src/RecipientDirectory.js"
import { notification } from "./fixtures.js"

const directory = staticDirectory({
  "north-somerset": {
    roles: { panel_administrator: ["panels@example.gov.uk", "Priya@example.gov.uk"] },
    people: { "tom-brackley": "tom@example.gov.uk" }
  }
})
const resolve = (n = notification()) => Effect.runSync(Effect.either(resolveAddresses(n, directory)))

describe("recipients", () => {
  it("uses a person's own address, asks the directory for role holders and people without one, once each", () => {
    const n = notification({
      recipients: [
        ...notification().recipients,
        { _tag: "Person", personId: PersonId.make("tom-brackley"), name: "Tom Brackley" }
      ]
    })
    expect(resolve(n)).toMatchObject({
      right: ["priya@example.gov.uk", "panels@example.gov.uk", "tom@example.gov.uk"]
    })
  })

  it("fails permanently naming a role nobody holds", () => {
    const result = resolve(notification({ recipients: [{ _tag: "RoleHolder", role: "panel_chair" }] }))
    expect(result).toMatchObject({
      left: {
        _tag: "DeliveryFailed",
        permanent: true,
        message: "No email address for the panel chair (role panel_chair) at north-somerset: add one to the recipient directory."
      }
    })
  })

  it("fails permanently when there is nobody to send to", () => {
    expect(resolve(notification({ recipients: [] }))).toMatchObject({ left: { permanent: true } })
  })
})
