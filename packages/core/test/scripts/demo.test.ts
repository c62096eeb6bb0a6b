import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"

const repository = join(import.meta.dirname, "../../../..")

describe("npm run demo", () => {
  it("runs the demo from source and shows the agenda, the deadlines with their rules, and the decisions", () => {
    const script = JSON.parse(readFileSync(join(repository, "package.json"), "utf8")).scripts.demo as string
    expect(script).toBe("node --conditions=@carepanel/source --import tsx packages/core/scripts/demo.ts")
    const [command, ...args] = script.split(" ")
    const output = execFileSync(command!, args, { cwd: repository, encoding: "utf8" })
    expect(output).toContain("Chaired by Martin Gorsley\n")
    expect(output).toContain("Agenda\n  10:00-10:30  Alex Brook (Support to keep the child safely at home)\n")
    expect(output).toMatch(/Sky Holloway \(.*\) was late and refused at first:\n {2}This request was ready at .* \(LIN-3: noon on the Friday before the sitting on Wed 16 Jun 2027\)/)
    expect(output).toMatch(/\[met {5}\] Alex Brook: Request complete and approved for the sitting on Wed 16 Jun 2027\n {13}due 12:00 Fri 11 Jun 2027 - LIN-3: /)
    expect(output).toMatch(/Decisions\n {2}Alex Brook \(.*\): APPROVE - .*\n {4}recorded by Dev Ingleby, panel administrator; signed off by Martin Gorsley, panel chair \(DEF-CHAIR-SIGNS, Carepanel default, not in the terms of reference; set by the authority's policy\)/)
    expect(output).toContain("Jamie Fenn (Support to keep the child safely at home) is back in line for a later sitting (ready).")
    // People read names, not internal ids.
    expect(output).not.toMatch(/\b(ref|dec|sit)_\w+|child-[a-z]\b/)
  }, 60_000)
})
