import { describe, expect, it } from "@effect/vitest"
import { missingFromS20Consent, type S20ConsentRecord } from "../../src/s20/S20Consent.js"
import { london } from "../fixtures.js"
import { cmd, lincolnshire, mother, placed } from "./fixtures.js"

// STAT-S20-CONSENT: what the refusal of an s20 accommodation names as missing, person by person, so a social worker
// knows whose consent to go back to.

const now = london("2027-03-26", "10:00")
const wishes = { _tag: "Ascertained" as const, wishesAndFeelings: "Wants to stay with her aunt" }
const accommodate = (record: S20ConsentRecord) => cmd("socialWorker", { _tag: "RecordS20Accommodation", record })

describe("what an s20 consent record still lacks (STAT-S20-CONSENT)", () => {
  it("STAT-S20-CONSENT: a person whose name is blank is called by their place in the list", () => {
    const unnamed = { ...mother, name: "  ", relationship: "", consentGivenTo: "", toldOfRightToObjectAndRemove: false }
    expect(missingFromS20Consent({ consents: [mother, unnamed], childWishes: wishes }, now)).toEqual([
      "the name of person 2 with parental responsibility",
      "person 2's relationship to the child",
      "to whom person 2 gave consent",
      "that person 2 was told of the right to object and to remove the child at any time"
    ])
    expect(missingFromS20Consent({ consents: [{ ...unnamed, relationship: "father", consentGivenTo: "Priya Ashdown" }], childWishes: wishes }, now)).toEqual([
      "the name of person 1 with parental responsibility",
      "that person 1 was told of the right to object and to remove the child at any time"
    ])
  })

  it("STAT-S20-CONSENT: a person is named as recorded, without the spaces around the name", () => {
    expect(missingFromS20Consent({ consents: [{ ...mother, name: "  Dana Harrow ", consentGivenTo: " " }], childWishes: wishes }, now)).toEqual([
      "to whom Dana Harrow gave consent"
    ])
  })

  it("STAT-S20-CONSENT: wishes and feelings recorded as ascertained but left blank are refused as empty", () => {
    const blank = { consents: [mother], childWishes: { _tag: "Ascertained" as const, wishesAndFeelings: " \t " } }
    expect(missingFromS20Consent(blank, now)).toEqual(["the child's wishes and feelings (empty)"])
    expect(lincolnshire.given(placed()).when(accommodate(blank)).refusal()).toMatchObject({
      _tag: "S20ConsentIncomplete",
      message: "The child cannot be accommodated under s20 until the consent record shows: the child's wishes and feelings (empty) (STAT-S20-CONSENT)."
    })
  })
})
