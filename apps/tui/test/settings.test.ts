import { resolve } from "node:path"
import { describe, expect, it } from "vitest"
import { exportDirOf, startingInstantOf } from "../src/config/env.js"

// Where the terminal was started from, as npm records it: relative settings are read from there.
const startedIn = "/srv/panel-office"

describe("where CSV exports are written (CAREPANEL_EXPORT_DIR)", () => {
  it("is ./exports under the directory npm was started in, unless set", () => {
    expect(exportDirOf({ INIT_CWD: startedIn })).toBe("/srv/panel-office/exports")
    expect(exportDirOf({ INIT_CWD: startedIn, CAREPANEL_EXPORT_DIR: "  " })).toBe("/srv/panel-office/exports")
  })

  it("is the folder set, relative to where npm was started, without the spaces around it", () => {
    expect(exportDirOf({ INIT_CWD: startedIn, CAREPANEL_EXPORT_DIR: " panel-exports " })).toBe("/srv/panel-office/panel-exports")
    expect(exportDirOf({ INIT_CWD: startedIn, CAREPANEL_EXPORT_DIR: "/mnt/secure/exports" })).toBe(resolve("/mnt/secure/exports"))
  })
})

describe("the instant a rehearsal's clock starts at (CAREPANEL_NOW)", () => {
  it("is none unless set: the real clock", () => {
    expect(startingInstantOf({})).toBeUndefined()
    expect(startingInstantOf({ CAREPANEL_NOW: " " })).toBeUndefined()
    expect(startingInstantOf({ NODE_ENV: "production", CAREPANEL_NOW: "" })).toBeUndefined()
  })

  it("is the ISO instant set, spaces around it ignored", () => {
    expect(startingInstantOf({ CAREPANEL_NOW: " 2027-06-02T09:10:00Z " })).toEqual(new Date("2027-06-02T09:10:00Z"))
  })

  it("is refused in production, saying why", () => {
    expect(() => startingInstantOf({ NODE_ENV: "production", CAREPANEL_NOW: "2027-06-02T09:10:00Z" })).toThrow(
      "CAREPANEL_NOW: cannot be set in production: the domain runs on the real clock there"
    )
  })

  it("refuses what is not an instant, quoting it with an example", () => {
    expect(() => startingInstantOf({ CAREPANEL_NOW: "next Wednesday" })).toThrow(
      'CAREPANEL_NOW: "next Wednesday" is not an ISO instant such as 2027-06-02T09:10:00Z'
    )
  })
})
