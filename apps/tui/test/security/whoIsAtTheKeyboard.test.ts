import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir, userInfo } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { changeable, operatorOf, operatorSourceFromEnv } from "../../src/config/operators.js"
import { demoPolicy } from "../support/harness.js"

/** An operators file someone wrote for themselves: their own login as the panel chair. */
const selfMadeFile = () => {
  const file = join(mkdtempSync(join(tmpdir(), "carepanel-operators-")), "mine.yaml")
  writeFileSync(file, `operators:\n  ${userInfo().username}:\n    personId: martin-gorsley\n    name: Martin Gorsley\n    authorityId: wexcombe\n    roles: [panel_chair]\n`)
  return file
}

describe("Who is at the keyboard (item 8: the TUI has no tokens; the operators file is its credential)", () => {
  it("production: an operators file the user running the TUI can change is refused, so nobody makes themselves the chair", () => {
    const source = operatorSourceFromEnv({ NODE_ENV: "production", CAREPANEL_OPERATORS: selfMadeFile() })
    expect(source.writableByUser).toBe(true)
    expect(() => operatorOf(source, [demoPolicy])).toThrow(/can be changed by the user ".+" running the terminal, who could then be any member of staff/)
  })

  it("a read-only file in a directory the user can write counts as changeable: they could replace it", () => {
    const writableOnly = (paths: ReadonlyArray<string>) => (path: string) => paths.includes(path)
    expect(changeable("/etc/carepanel/operators.yaml", writableOnly([]))).toBe(false)
    expect(changeable("/etc/carepanel/operators.yaml", writableOnly(["/etc/carepanel"]))).toBe(true)
    expect(changeable("/etc/carepanel/operators.yaml", writableOnly(["/etc/carepanel/operators.yaml"]))).toBe(true)
  })

  it("production: a login not in the file is nobody (no development default), whatever file it is", () => {
    expect(() => operatorOf({ ...operatorSourceFromEnv({ NODE_ENV: "production" }), user: "someone-else", writableByUser: false }, [demoPolicy])).toThrow(
      /has no entry for the user "someone-else" \(developmentDefault is not used in production\)/
    )
  })

  it("outside production the same self-made file is used, as a developer's checkout would", () => {
    expect(operatorOf(operatorSourceFromEnv({ CAREPANEL_OPERATORS: selfMadeFile() }), [demoPolicy])).toMatchObject({ name: "Martin Gorsley", roles: ["panel_chair"] })
  })
})
