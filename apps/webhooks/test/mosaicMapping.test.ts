import { readFileSync } from "node:fs"
import { problemsOf } from "@carepanel/core"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { RequestSubmitted } from "../src/events/requestEvents.js"
import { documentKindByCode, MosaicPanelForm, mosaicToRequestSubmitted, requestTypeByCode, UnknownCode } from "../src/mapping/mosaicForm.js"

const example = JSON.parse(readFileSync(new URL("../examples/mosaic-form.json", import.meta.url), "utf8")) as Record<string, unknown>
const form = Schema.decodeUnknownSync(MosaicPanelForm)(example)
/** The problems a form export is refused with, by path, as the receiver words an event's. */
const refusalOf = (export_: unknown) => {
  const decoded = Schema.decodeUnknownEither(MosaicPanelForm)(export_)
  return decoded._tag === "Left" ? problemsOf(decoded.left) : "accepted"
}

describe("the Mosaic-style form mapping (the pattern for a case system's export)", () => {
  it("maps the example export to a request.submitted event that passes the event's schema", () => {
    const event = Schema.decodeUnknownSync(RequestSubmitted)(mosaicToRequestSubmitted(form))
    expect(event.data.formId).toBe("MOS-PANEL-2027-0042")
    expect(event.data.form.requestTypes).toEqual(["s20_accommodation"])
    expect(event.data.form.children[0]).toMatchObject({ childId: "P-884201", dateOfBirth: "2016-09-14", legalStatus: "V2" })
    expect(event.data.documents.map((document) => document.kind)).toEqual(["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"])
  })

  it("puts each field of the export in its place: the worker acts as social worker, the manager, the child, the request's text, each paper", () => {
    const { data } = mosaicToRequestSubmitted(form)
    expect(data.actor).toEqual({ personId: "W-3107", name: "Priya Ashdown", role: "social_worker" })
    expect(data.form).toEqual({
      panelId: "support-panel",
      socialWorker: { personId: "W-3107", name: "Priya Ashdown" },
      teamManager: { personId: "W-2051", name: "Tom Brackley" },
      children: [{ childId: "P-884201", fullName: "Robin Ashdale", caseNumber: "P-884201", dateOfBirth: "2016-09-14", legalStatus: "V2" }],
      requestTypes: ["s20_accommodation"],
      request: "Accommodation under section 20 while the family's housing is resolved",
      reason: "The family lost its tenancy; the mother agrees to accommodation",
      proposedPlan: "Short-term foster placement, weekly family time, review in six weeks"
    })
    expect(data.documents[3]).toEqual({ documentId: "D-4", kind: "direct_work", title: "Direct work with Robin" })
  })

  it("leaves out what the export leaves out: a manager without both id and name, a child's date of birth and status, the request's text, papers", () => {
    const { MANAGER_NAME, REQUEST_DETAILS, REASON_FOR_REFERRAL, PROPOSED_PLAN, ATTACHMENTS, ...bare } = example
    const subject = { PERSON_ID: "P-884202", FULL_NAME: "Sam Ashdale" }
    const { data } = mosaicToRequestSubmitted(Schema.decodeUnknownSync(MosaicPanelForm)({ ...bare, SUBJECTS: [subject] }))
    // Strictly: a field set to undefined is a field the event carries.
    expect(data.form).toStrictEqual({
      panelId: "support-panel",
      socialWorker: { personId: "W-3107", name: "Priya Ashdown" },
      children: [{ childId: "P-884202", fullName: "Sam Ashdale", caseNumber: "P-884202" }],
      requestTypes: ["s20_accommodation"]
    })
    expect(data.documents).toEqual([])
    const withoutId = { ...form, MANAGER_ID: undefined } as unknown as MosaicPanelForm
    expect(mosaicToRequestSubmitted(withoutId).data.form).not.toHaveProperty("teamManager")
  })

  it("maps every code of its tables to a request type and a kind of paper Carepanel takes", () => {
    const everyCode = mosaicToRequestSubmitted({
      ...form,
      REQUEST_TYPE_CODES: Object.keys(requestTypeByCode) as [string, ...Array<string>],
      ATTACHMENTS: Object.keys(documentKindByCode).map((code, i) => ({ DOC_ID: `D-${i}`, DOC_TYPE: code, DOC_TITLE: `Paper ${i}` }))
    })
    const event = Schema.decodeUnknownSync(RequestSubmitted)(everyCode)
    expect(event.data.form.requestTypes).toEqual(["s20_accommodation", "pre_proceedings", "care_proceedings", "legal_planning_meeting", "edge_of_care_resource", "placement_type"])
    expect(event.data.documents.map((document) => document.kind)).toEqual([
      "chronology",
      "genogram",
      "assessment",
      "direct_work",
      "family_safety_plan",
      "signs_of_safety_mapping",
      "care_plan",
      "legal_advice",
      "fgc_plan"
    ])
  })

  it("names an unmapped code and where it was, rather than guessing", () => {
    expect(() => mosaicToRequestSubmitted({ ...form, REQUEST_TYPE_CODES: ["S20", "XYZ"] })).toThrow(new UnknownCode("REQUEST_TYPE_CODES[1]", "XYZ"))
  })

  it("names an unmapped kind of paper by its place among the attachments, and takes no name every object has as a code", () => {
    const attachments = [...form.ATTACHMENTS, { DOC_ID: "D-7", DOC_TYPE: "MEMO", DOC_TITLE: "A memo" }]
    expect(() => mosaicToRequestSubmitted({ ...form, ATTACHMENTS: attachments })).toThrow('ATTACHMENTS[6].DOC_TYPE: the code "MEMO" has no Carepanel equivalent in the mapping')
    // A name every JavaScript object has is not a code either.
    expect(() => mosaicToRequestSubmitted({ ...form, REQUEST_TYPE_CODES: ["toString"] })).toThrow(new UnknownCode("REQUEST_TYPE_CODES[0]", "toString"))
  })

  it("takes a date of birth as DD/MM/YYYY only, and says so", () => {
    const withDob = (DOB: string) => refusalOf({ ...example, SUBJECTS: [{ PERSON_ID: "P-1", FULL_NAME: "Sam Ashdale", DOB }] })
    expect(withDob("01/02/2017")).toBe("accepted")
    for (const wrong of ["2017-02-01", "1/2/2017", "x01/02/2017", "01/02/20171"]) expect(withDob(wrong)).toEqual([{ path: "SUBJECTS[0].DOB", message: "must be DD/MM/YYYY" }])
  })

  it("refuses an attachment without its title, by where it is", () => {
    expect(refusalOf({ ...example, ATTACHMENTS: [{ DOC_ID: "D-1", DOC_TYPE: "CHRON" }] })).toContainEqual({ path: "ATTACHMENTS[0].DOC_TITLE", message: "is missing" })
  })
})
