import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { RequestSubmitted } from "../src/events/requestEvents.js"
import { MosaicPanelForm, mosaicToRequestSubmitted, UnknownCode } from "../src/mapping/mosaicForm.js"

const example = JSON.parse(readFileSync(new URL("../examples/mosaic-form.json", import.meta.url), "utf8")) as unknown
const form = Schema.decodeUnknownSync(MosaicPanelForm)(example)

describe("the Mosaic-style form mapping (the pattern for a case system's export)", () => {
  it("maps the example export to a request.submitted event that passes the event's schema", () => {
    const event = Schema.decodeUnknownSync(RequestSubmitted)(mosaicToRequestSubmitted(form))
    expect(event.data.formId).toBe("MOS-PANEL-2027-0042")
    expect(event.data.form.requestTypes).toEqual(["s20_accommodation"])
    expect(event.data.form.children[0]).toMatchObject({ childId: "P-884201", dateOfBirth: "2016-09-14", legalStatus: "V2" })
    expect(event.data.documents.map((document) => document.kind)).toEqual(["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"])
  })

  it("names an unmapped code and where it was, rather than guessing", () => {
    expect(() => mosaicToRequestSubmitted({ ...form, REQUEST_TYPE_CODES: ["S20", "XYZ"] })).toThrow(new UnknownCode("REQUEST_TYPE_CODES[1]", "XYZ"))
  })
})
