import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { wholeNumberSetting, wholeNumbersSetting } from "../../bench/settings.js"

describe("the bench scripts' settings", () => {
  it("take a whole number above 0, or the default when unset", () => {
    expect(wholeNumberSetting("BENCH_ROUNDS", 6, {})).toBe(6)
    expect(wholeNumberSetting("BENCH_ROUNDS", 6, { BENCH_ROUNDS: " 8 " })).toBe(8)
    expect(wholeNumbersSetting("BENCH_LEVELS", [1_000], { BENCH_LEVELS: "1000, 10000" })).toEqual([1_000, 10_000])
  })

  test.prop([fc.oneof(fc.constantFrom("0", "-3", "2.5", "1e3", "0x10", "+8", "eight", "8 rounds"), fc.double().map(String).filter((text) => !/^[0-9]+$/.test(text)))])(
    "stop the script naming the setting for anything else",
    (text) => {
      expect(() => wholeNumberSetting("BENCH_ROUNDS", 6, { BENCH_ROUNDS: text })).toThrow("BENCH_ROUNDS: must be a whole number from 1 to 10000000")
    }
  )

  it("the tail probe's slow-statement threshold: plain decimal milliseconds, or the process stops naming it", () => {
    const probe = fileURLToPath(new URL("../../bench/tail/probe.mjs", import.meta.url))
    const { TAIL_PROBE_OUT: _, ...withoutProbeOut } = process.env
    const run = (value: string) =>
      spawnSync(process.execPath, ["--import", probe, "-e", "console.log('probed')"], { env: { ...withoutProbeOut, TAIL_PROBE_SLOW_MS: value }, encoding: "utf8" })
    for (const good of ["", "5", "0.5"]) expect(run(good).stdout, good).toContain("probed")
    for (const bad of ["1e3", "5ms", "-1"]) {
      const refused = run(bad)
      expect(refused.status, bad).not.toBe(0)
      expect(refused.stderr, bad).toContain(`TAIL_PROBE_SLOW_MS must be milliseconds in plain decimal digits (5, 0.5), not "${bad}"`)
    }
  })

  it("refuse a list with a part that is not such a number", () => {
    expect(() => wholeNumbersSetting("BENCH_LEVELS", [1_000], { BENCH_LEVELS: "1000,,10000" })).toThrow("BENCH_LEVELS: must be a whole number from 1 to 10000000")
  })
})
