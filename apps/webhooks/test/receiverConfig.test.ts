import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"
import { LogLevel } from "effect"
import { describe, expect, it } from "vitest"
import { configFromEnv } from "../src/config/config.js"
import { sourcesFor } from "./support/fixtures.js"

/** The receiver's settings as an operator sets them in its environment (docs/webhooks.md, docs/deployment.md). */
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-receiver-config-"))
const sourcesFile = join(dataDir, "sources.json")
writeFileSync(sourcesFile, JSON.stringify(sourcesFor()))
const config = (env: Record<string, string>) => configFromEnv({ CAREPANEL_DATA_DIR: dataDir, ...env })

describe("the receiver's settings", () => {
  it("has defaults for everything but production's sources file: 127.0.0.1:4100, 256,000 bytes, idle connections kept 65 s, the store waited for 30 s, parked for 7 days, refused or dead bodies kept 90 days, 600 a minute, the dispatcher on, Info", () => {
    const defaults = config({})
    expect(defaults).toMatchObject({
      host: "127.0.0.1",
      port: 4100,
      production: false,
      dataDir,
      bodyLimitBytes: 256_000,
      keepAliveMs: 65_000,
      storeAnswerMs: 30_000,
      parkedForMs: 7 * 24 * 60 * 60 * 1000,
      keepRefusedDays: 90,
      dispatch: true,
      sourceRateLimit: { requests: 600, windowSeconds: 60 }
    })
    expect(defaults.logLevel).toBe(LogLevel.Info)
    expect(defaults.telemetry).toBeUndefined()
    expect(config({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" }).telemetry?.serviceName).toBe("carepanel-webhooks")
    expect(Object.keys(defaults.sources.authorities)).toEqual(["wexcombe"])
    expect(config({ HOST: "  " }).host).toBe("127.0.0.1")
  })

  it("refuses to start in production without a sources file of its own (the development file's secret is public)", () => {
    for (const unset of [{}, { CAREPANEL_WEBHOOK_SOURCES: "  " }]) {
      expect(() => config({ NODE_ENV: "production", ...unset })).toThrow(
        "CAREPANEL_WEBHOOK_SOURCES: must name the sources file in production (the development file's secret is public)"
      )
    }
    expect(config({ NODE_ENV: "production", CAREPANEL_WEBHOOK_SOURCES: sourcesFile }).production).toBe(true)
  })

  it("reads the sources file when it starts, so docs/webhooks.md's rotation restarts every receiver after each change to it", () => {
    const file = join(dataDir, "rotating.json")
    const mosaic = sourcesFor().authorities.wexcombe.sources.mosaic
    writeFileSync(file, JSON.stringify({ authorities: { wexcombe: { sources: { mosaic } } } }))
    const started = config({ CAREPANEL_WEBHOOK_SOURCES: file })
    const added = `whsec_${Buffer.alloc(32, 7).toString("base64")}`
    writeFileSync(file, JSON.stringify({ authorities: { wexcombe: { sources: { mosaic: { ...mosaic, secrets: [added, ...mosaic.secrets] } } } } }))
    const secretsOf = (running: ReturnType<typeof config>) => running.sources.authorities["wexcombe" as never]!.sources.mosaic!.secrets
    expect(secretsOf(started)).toHaveLength(mosaic.secrets.length)
    expect(secretsOf(config({ CAREPANEL_WEBHOOK_SOURCES: file }))).toHaveLength(mosaic.secrets.length + 1)
    const docs = readFileSync(new URL("../../../docs/webhooks.md", import.meta.url), "utf8")
    expect(docs).toMatch(/A receiver reads the file only when it starts, so rotate in three steps:\s+add the new secret and restart every receiver/)
  })

  it("reads a relative sources file from where npm was started", () => {
    const sources = config({ INIT_CWD: dataDir, CAREPANEL_WEBHOOK_SOURCES: " sources.json " }).sources
    expect(Object.keys(sources.authorities["wexcombe" as never]!.sources)).toEqual(["mosaic", "eclipse"])
  })

  it("names a source's authority that has no policy, and the file it is in", () => {
    const file = join(dataDir, "two-authorities.json")
    const wexcombe = sourcesFor().authorities.wexcombe
    writeFileSync(file, JSON.stringify({ authorities: { wexcombe, northmoor: wexcombe } }))
    expect(() => config({ CAREPANEL_WEBHOOK_SOURCES: file })).toThrow(/authorities\.northmoor: no policy for this authority in CAREPANEL_POLICIES$/)
    writeFileSync(file, JSON.stringify({ authorities: { wexcombe, northmoor: wexcombe, eastwold: wexcombe } }))
    expect(() => config({ CAREPANEL_WEBHOOK_SOURCES: file })).toThrow(
      `The sources file ${file} cannot be used:\n` +
        "  - authorities.northmoor: no policy for this authority in CAREPANEL_POLICIES\n" +
        "  - authorities.eastwold: no policy for this authority in CAREPANEL_POLICIES"
    )
  })

  it("takes each number within its bounds and names the setting and its bounds outside them", () => {
    const bounds = [
      ["CAREPANEL_WEBHOOKS_PORT", 0, 65_535],
      ["CAREPANEL_WEBHOOK_BODY_LIMIT_BYTES", 1_000, 10_000_000],
      ["CAREPANEL_KEEP_ALIVE_SECONDS", 1, 3_600],
      ["CAREPANEL_STORE_ANSWER_SECONDS", 1, 3_600],
      ["CAREPANEL_WEBHOOK_PARKED_MINUTES", 1, 525_600],
      ["CAREPANEL_WEBHOOK_KEEP_REFUSED_DAYS", 1, 3_650],
      ["CAREPANEL_WEBHOOK_REQUESTS_PER_MINUTE", 1, 1_000_000]
    ] as const
    for (const [setting, min, max] of bounds) {
      expect(() => config({ [setting]: String(min) }), setting).not.toThrow()
      expect(() => config({ [setting]: String(max) }), setting).not.toThrow()
      for (const outside of [min - 1, max + 1]) {
        expect(() => config({ [setting]: String(outside) })).toThrow(`${setting}: must be a whole number from ${min} to ${max}`)
      }
    }
    const set = config({
      CAREPANEL_WEBHOOKS_PORT: "4242",
      CAREPANEL_WEBHOOK_BODY_LIMIT_BYTES: "64000",
      CAREPANEL_KEEP_ALIVE_SECONDS: "120",
      CAREPANEL_STORE_ANSWER_SECONDS: "10",
      CAREPANEL_WEBHOOK_PARKED_MINUTES: "90",
      CAREPANEL_WEBHOOK_KEEP_REFUSED_DAYS: "30",
      CAREPANEL_WEBHOOK_REQUESTS_PER_MINUTE: "30",
      CAREPANEL_DISPATCHER: "off"
    })
    expect(set).toMatchObject({ port: 4242, bodyLimitBytes: 64_000, keepAliveMs: 120_000, storeAnswerMs: 10_000, parkedForMs: 90 * 60_000, keepRefusedDays: 30, sourceRateLimit: { requests: 30, windowSeconds: 60 }, dispatch: false })
    expect(set.publicUrl).toBe("http://127.0.0.1:4242")
  })

  it("takes CAREPANEL_LOG_LEVEL in any case, and names the levels when it is none of them", () => {
    expect(config({ CAREPANEL_LOG_LEVEL: " warning " }).logLevel).toBe(LogLevel.Warning)
    expect(config({ CAREPANEL_LOG_LEVEL: "DEBUG" }).logLevel).toBe(LogLevel.Debug)
    expect(config({ CAREPANEL_LOG_LEVEL: "" }).logLevel).toBe(LogLevel.Info)
    expect(() => config({ CAREPANEL_LOG_LEVEL: "verbose" })).toThrow("CAREPANEL_LOG_LEVEL: must be one of All, Trace, Debug, Info, Warning, Error, Fatal, None")
  })

  it("takes an http public URL as well as https, written as a URL", () => {
    expect(config({ CAREPANEL_WEBHOOKS_PUBLIC_URL: " http://hooks.wexcombe.example " }).publicUrl).toBe("http://hooks.wexcombe.example/")
  })

  it("is as docs/deployment.md states: setting each of the receiver's settings to its stated default changes nothing", () => {
    const section = /### Webhook receiver \(`npm run webhooks`\)\n([\s\S]*?)\n###/.exec(repositoryFile("docs/deployment.md"))![1]!
    // Literal defaults only (`4100`, `Info`), not a pattern such as `http://HOST:CAREPANEL_WEBHOOKS_PORT`.
    const stated = [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \| `([A-Za-z0-9]+)` \|/gm)].map((match) => [match[1]!, match[2]!] as const)
    expect(stated.map(([name]) => name)).toEqual([
      "CAREPANEL_WEBHOOKS_PORT",
      "CAREPANEL_WEBHOOK_BODY_LIMIT_BYTES",
      "CAREPANEL_KEEP_ALIVE_SECONDS",
      "CAREPANEL_STORE_ANSWER_SECONDS",
      "CAREPANEL_WEBHOOK_KEEP_REFUSED_DAYS",
      "CAREPANEL_WEBHOOK_REQUESTS_PER_MINUTE",
      "CAREPANEL_LOG_LEVEL"
    ])
    const withoutPolicies = (env: Record<string, string>) => {
      const { policies: _, ...rest } = config(env)
      return rest
    }
    for (const [name, value] of stated) expect(withoutPolicies({ [name]: value }), `${name}=${value}`).toEqual(withoutPolicies({}))
  })
})
