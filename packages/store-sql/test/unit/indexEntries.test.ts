import { describe, expect, it } from "vitest"
import { canonicalJson } from "../../src/chain/canonicalJson.js"
import { filterKey, indexEntries } from "../../src/store/indexEntries.js"

describe("index entries", () => {
  it("store scalars by type and value, and array elements by string (plus number/boolean when they read as one)", () => {
    expect(indexEntries({ status: "open", size: 3, urgent: true, none: null, nan: Number.NaN })).toEqual([
      { field: "status", value: "s:open" },
      { field: "size", value: "n:3" },
      { field: "urgent", value: "b:true" }
    ])
    expect(indexEntries({ tags: ["x", "7", "true", "x", "07", "-0", "NaN"] }).map((e) => e.value)).toEqual([
      "s:x",
      "s:7",
      "n:7",
      "s:true",
      "b:true",
      "s:07",
      "s:-0",
      "s:NaN",
      "n:NaN"
    ])
  })

  it("look filters up by the same keys", () => {
    expect([filterKey("open"), filterKey(7), filterKey(-0), filterKey(false)]).toEqual(["s:open", "n:7", "n:0", "b:false"])
  })
})

describe("canonical JSON", () => {
  it("sorts keys at every depth, drops undefined members and has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: "é" }], c: undefined } })).toBe('{"a":{"d":[1,{"y":"é","z":null}]},"b":1}')
    expect(canonicalJson([undefined, Number.NaN, "x"])).toBe('[null,null,"x"]')
    expect(canonicalJson(undefined)).toBe("null")
  })

  it("writes dates (anything with toJSON) as JSON would, escapes keys and text, and keeps empty objects and lists", () => {
    expect(canonicalJson({ at: new Date("2027-06-01T09:30:00.000Z") })).toBe('{"at":"2027-06-01T09:30:00.000Z"}')
    expect(canonicalJson({ 'say "hi"': "line\nbreak" })).toBe('{"say \\"hi\\"":"line\\nbreak"}')
    expect(canonicalJson({ none: {}, list: [] })).toBe('{"list":[],"none":{}}')
  })
})
