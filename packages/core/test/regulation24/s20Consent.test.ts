import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { Effect, Either } from "effect"
import fc from "fast-check"
import { placementNotifications } from "../../src/notifications/placementNotifications.js"
import { hasS20Basis } from "../../src/regulation24/Placement.js"
import type { S20ConsentRecord } from "../../src/s20/S20Consent.js"
import { fold } from "../../src/shared/decider.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, identified, lincolnshire, mother, placed, playOn } from "./fixtures.js"

const complete: S20ConsentRecord = {
  consents: [mother],
  childWishes: { _tag: "Ascertained", wishesAndFeelings: "Wants to stay with her aunt and see her mother at weekends" }
}
const accommodate = (record: S20ConsentRecord) => cmd("socialWorker", { _tag: "RecordS20Accommodation", record })
const withdraw = (withdrawnBy = "Dana Harrow (mother)") => cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy }, london("2027-03-27", "18:00"))

describe("s20 consent (STAT-S20-CONSENT)", () => {
  it("STAT-S20-CONSENT: given a placement, accommodation under s20 with each consent in full and the child's wishes is recorded", () => {
    const spec = lincolnshire.given(placed()).when(accommodate(complete))
    expect(spec.events()).toMatchObject([{ _tag: "S20AccommodationRecorded", consents: [mother], childWishes: complete.childWishes }])
    expect(hasS20Basis(spec.state()!)).toBe(true)
  })

  it("STAT-S20-CONSENT: refused, naming per person what is missing, and the child's wishes", () => {
    const father = { ...mother, name: "Colm Harrow", relationship: " ", consentGivenTo: "", toldOfRightToObjectAndRemove: false }
    const refusal = lincolnshire.given(placed()).when(accommodate({ consents: [mother, father] })).refusal()
    expect(refusal).toMatchObject({
      _tag: "S20ConsentIncomplete",
      ruleId: "STAT-S20-CONSENT",
      missing: [
        "Colm Harrow's relationship to the child",
        "to whom Colm Harrow gave consent",
        "that Colm Harrow was told of the right to object and to remove the child at any time",
        "the child's wishes and feelings, or why they could not be ascertained"
      ]
    })
    expect(lincolnshire.given(placed()).when(accommodate({ consents: [], childWishes: { _tag: "NotAscertained", why: "" } })).refusal().message).toBe(
      "The child cannot be accommodated under s20 until the consent record shows: the consent of at least one person with parental responsibility; why the child's wishes and feelings could not be ascertained (STAT-S20-CONSENT)."
    )
  })

  it("STAT-S20-CONSENT: the child's wishes not ascertained, with why, is enough; consent dated in the future is not", () => {
    const tooYoung = { consents: [mother], childWishes: { _tag: "NotAscertained" as const, why: "Eleven months old" } }
    expect(lincolnshire.given(identified()).when(accommodate(tooYoung)).events()).toHaveLength(1)
    const future = { ...complete, consents: [{ ...mother, consentGivenAt: london("2027-03-27", "09:00") }] }
    expect(lincolnshire.given(placed()).when(accommodate(future)).refusal()).toMatchObject({ missing: ["when Dana Harrow consented (09:00 Sat 27 Mar 2027 is still to come)"] })
  })

  it("STAT-S20-CONSENT: consent withdrawn ends the s20 basis and raises an urgent alert to the caseholders, head of service and service manager", () => {
    const history = playOn(placed(), accommodate(complete))
    const spec = lincolnshire.given(history).when(withdraw())
    const state = spec.state()!
    expect(hasS20Basis(state)).toBe(false)
    expect(state).toMatchObject({ urgent: true, s20Accommodation: { withdrawn: { withdrawnBy: "Dana Harrow (mother)" } } })
    const sent = placementNotifications(spec.events(), state, contextOf("lincolnshire"))
    expect(sent.map((notification) => notification.recipients[0])).toEqual([
      { _tag: "Person", personId: "priya-ashdown", name: "Priya Ashdown" },
      { _tag: "RoleHolder", role: "team_manager" },
      { _tag: "RoleHolder", role: "head_of_service" },
      { _tag: "RoleHolder", role: "service_manager" }
    ])
    expect(sent[0]?.headline).toBe("Urgent: s20 consent withdrawn for child child-1 (STAT-S20-CONSENT)")
    expect(lincolnshire.given(playOn(history, withdraw())).when(withdraw()).refusal()).toMatchObject({ _tag: "S20ConsentIncomplete" })
    expect(lincolnshire.given(placed()).when(withdraw()).refusal().message).toBe(
      "There is no s20 consent in force to withdraw: record the s20 accommodation first (STAT-S20-CONSENT)."
    )
  })

  it("STAT-S46, STAT-S20-CONSENT: with consent in full, accommodation under s20 ends police protection; once withdrawn it cannot", () => {
    const protectedThenPlaced = playOn(
      playOn(placed(), cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since: london("2027-03-25", "22:00") })),
      accommodate(complete)
    )
    const outcome = cmd("socialWorker", { _tag: "RecordPoliceProtectionOutcome", outcome: "accommodated_s20" })
    expect(lincolnshire.given(protectedThenPlaced).when(outcome).events()).toMatchObject([{ _tag: "PoliceProtectionEnded", outcome: "accommodated_s20" }])
    const withdrawnFirst = playOn(protectedThenPlaced, cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy: "Dana Harrow" }))
    expect(lincolnshire.given(withdrawnFirst).when(outcome).refusal()._tag).toBe("PoliceProtectionOutcomeRefused")
  })

  const consentArb = fc.record({
    name: fc.constantFrom("Dana Harrow", "", "  "),
    relationship: fc.constantFrom("mother", ""),
    consentGivenAt: fc.constantFrom(london("2027-03-25", "09:00"), london("2027-03-28", "09:00")),
    consentGivenTo: fc.constantFrom("Priya Ashdown", ""),
    toldOfRightToObjectAndRemove: fc.boolean()
  })
  const wishesArb = fc.option(
    fc.oneof(
      fc.record({ _tag: fc.constant("Ascertained" as const), wishesAndFeelings: fc.constantFrom("Wants to stay", " ") }),
      fc.record({ _tag: fc.constant("NotAscertained" as const), why: fc.constantFrom("Eleven months old", "") })
    ),
    { nil: undefined }
  )

  test.prop([fc.array(consentArb, { maxLength: 3 }), wishesArb])(
    "STAT-S20-CONSENT: for any record, the s20 basis stands exactly when every person's consent is complete, informed and past, and the child's wishes (or why not) are given",
    (consents, childWishes) => {
      const record = { consents, ...(childWishes === undefined ? {} : { childWishes }) }
      const outcome = placementDecider.decide(accommodate(record), fold(placementDecider, placed()), contextOf("lincolnshire"))
      const now = london("2027-03-26", "10:00")
      const complete =
        consents.length > 0 &&
        consents.every((c) => c.name.trim() !== "" && c.relationship !== "" && c.consentGivenTo !== "" && c.toldOfRightToObjectAndRemove && c.consentGivenAt.epochMillis <= now.epochMillis) &&
        childWishes !== undefined &&
        (childWishes._tag === "Ascertained" ? childWishes.wishesAndFeelings.trim() !== "" : childWishes.why !== "")
      expect(Either.isRight(Effect.runSync(Effect.either(outcome)))).toBe(complete)
    }
  )
})
