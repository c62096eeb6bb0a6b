import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { telemetrySettingsFromEnv } from "../src/index.js"

/** Runs docs/operations.md: its settings table against the code that reads them, and its example. */
const doc = readFileSync(new URL("../../../docs/operations.md", import.meta.url), "utf8")
const code = readFileSync(new URL("../src/telemetry/settings.ts", import.meta.url), "utf8")

const documented = [...doc.matchAll(/^\| `(OTEL_[A-Z_]+)` \|/gm)].map((match) => match[1]!)
const read = [...code.matchAll(/(?:env\.|intSetting\(env, ")(OTEL_[A-Z_]+)/g)].map((match) => match[1]!)

const example = Object.fromEntries(
  [...doc.matchAll(/```env\n([\s\S]*?)```/g)]
    .flatMap((block) => block[1]!.trim().split("\n"))
    .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1).replace("<collector api key>", "k3y%20one")])
)

describe("docs/operations.md", () => {
  it("documents exactly the OTEL_ settings the code reads", () => {
    expect(new Set(documented)).toEqual(new Set(read))
    expect(documented.length).toBe(8)
  })

  it("runs the example: traces and metrics to the collector's standard paths, with its key, every 15 seconds", () => {
    expect(Object.keys(example).every((name) => read.includes(name))).toBe(true)
    expect(telemetrySettingsFromEnv(example, "carepanel-graphql")).toEqual({
      serviceName: "carepanel-api-replica-1",
      tracesUrl: "http://127.0.0.1:4318/v1/traces",
      metricsUrl: "http://127.0.0.1:4318/v1/metrics",
      headers: { "x-api-key": "k3y one" },
      metricIntervalMs: 15_000
    })
  })
})
