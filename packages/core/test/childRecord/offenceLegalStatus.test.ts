import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { isOffenceLegalStatus, legalStatusCodes, legalStatusLabel, namesOffenceLegalStatus } from "../../src/childRecord/LegalStatus.js"
import { describeRoute } from "../../src/childRecord/LookedAfter.js"

describe("the SSDA903 legal statuses that tell of an offence (UK GDPR art. 10)", () => {
  it("are J1 (remand), J2 (PACE) and J3 (a sentence); every other code is a care or protection status", () => {
    expect(legalStatusCodes.filter(isOffenceLegalStatus)).toEqual(["J1", "J2", "J3"])
    expect(isOffenceLegalStatus(undefined)).toBe(false)
  })

  it("are named in words by their code, their meaning, or how a looked-after period began; no other code's words are", () => {
    for (const code of legalStatusCodes) {
      const offence = isOffenceLegalStatus(code)
      expect(namesOffenceLegalStatus(code), code).toBe(offence)
      expect(namesOffenceLegalStatus(legalStatusLabel[code]), code).toBe(offence)
      expect(namesOffenceLegalStatus(describeRoute({ route: "legal_status", code })), code).toBe(offence)
    }
  })

  it("are found however a request form writes them, in any case or among other words", () => {
    const written = fc.tuple(fc.constantFrom("J1", "j2", "J 3", "remanded", "Remand", "PACE", "sentenced", "youth detention"), fc.constantFrom("", "legal status ", "(", "was "), fc.constantFrom("", " since May", ")", "."))
    fc.assert(fc.property(written, ([code, before, after]) => namesOffenceLegalStatus(`${before}${code}${after}`)))
    for (const careStatus of ["C2", "V2 s20", "none (child in need)", "CP plan", "J4", "interim care order", "space in placement"]) expect(namesOffenceLegalStatus(careStatus), careStatus).toBe(false)
  })

  it("STAT-GDPR: are found in the words a social worker types for one, not in the words of a care or protection status", () => {
    const typed = ["on bail to 3 March", "Charged with ABH", "arrested, released under investigation", "convicted of theft", "open to the YOT", "Youth Offending Team order", "criminal proceedings", "in custody", "custodial sentence served", "DTO", "detention and training order", "referral order (youth court)", "offence alleged", "Youth Justice supervision"]
    for (const text of typed) expect(namesOffenceLegalStatus(text), text).toBe(true)
    const care = ["police protection (L1)", "secure accommodation order (s25)", "placement order granted by the court", "EPO", "child arrangements order", "accommodated s20, mother consents", "care order, placed with kinship carer", "referred to panel", "charges for the placement agreed"]
    for (const text of care) expect(namesOffenceLegalStatus(text), text).toBe(false)
  })
})
