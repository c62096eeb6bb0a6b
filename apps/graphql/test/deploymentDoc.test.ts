import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { generateSigningKeyPem, PgStoreLayer, SqliteStoreLayer, type StoreLayer, WriteLockWait } from "@carepanel/store-sql"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { configFromEnv } from "../src/app/config.js"

/** Runs docs/deployment.md: its settings against the code that reads them, and its environment examples. */
const repo = new URL("../../../", import.meta.url)
const doc = readFileSync(new URL("docs/deployment.md", repo), "utf8")

const sectionAfter = (heading: string, text = doc) => {
  const at = text.indexOf(`${heading}\n`)
  expect(at, heading).toBeGreaterThanOrEqual(0)
  const level = heading.split(" ")[0]!
  const next = text.indexOf(`\n${level} `, at + heading.length)
  return text.slice(at, next === -1 ? undefined : next)
}

/** The rows of a settings table: the variable's name and its default cell. */
const rowsOf = (section: string) =>
  [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \| ([^|]*) \|/gm)].map((match) => ({ name: match[1]!, fallback: match[2]!.trim() }))

const settings = sectionAfter("## Settings")
const documented = new Set(rowsOf(settings).map((row) => row.name))

const sourceFiles = (dir: URL): ReadonlyArray<string> =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => readFileSync(new URL(file, dir), "utf8"))

/** Every environment variable a body of code reads, by the ways this repository reads them. */
const settingsReadIn = (dirs: ReadonlyArray<string>) => {
  const patterns = [/\benv\??\.([A-Z][A-Z0-9_]*)/g, /(?:intSetting|onOff)\(\s*env,\s*"([A-Z][A-Z0-9_]*)"/g, /Setting = "([A-Z][A-Z0-9_]*)"/g]
  const names = new Set<string>()
  for (const dir of dirs) {
    for (const text of sourceFiles(new URL(`${dir}/`, repo))) {
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) names.add(match[1]!)
    }
  }
  return names
}

const appsAndAdapters = ["apps", "packages"].flatMap((parent) =>
  readdirSync(new URL(`${parent}/`, repo), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${parent}/${entry.name}/src`)
    .filter((dir) => readdirSync(new URL(`${dir.split("/src")[0]}/`, repo)).includes("src"))
)

/** The `env` blocks of the page as variables, with the angle-bracketed values filled in as a reader would. */
const examples = (values: Readonly<Record<string, string>>) =>
  [...doc.matchAll(/```env\n([\s\S]*?)```/g)].map((block) =>
    Object.fromEntries(
      block[1]!
        .trim()
        .split("\n")
        .map((line) => {
          const at = line.indexOf("=")
          const value = line.slice(at + 1).replace(/<([^<>]+)>/g, (_, key: string) => {
            if (!(key in values)) throw new Error(`docs/deployment.md asks for <${key}>, which this test has no value for`)
            return values[key]!
          })
          return [line.slice(0, at), value]
        })
    )
  )

const dataDir = mkdtempSync(join(tmpdir(), "carepanel-deployment-"))
const signingKeyFile = join(dataDir, "signing-key.pem")
writeFileSync(signingKeyFile, generateSigningKeyPem(), { mode: 0o600 })
const [replicaEnv, sqliteEnv] = examples({
  password: "not-a-real-password",
  "database host": "127.0.0.1",
  tenant: "00000000-0000-0000-0000-000000000000",
  "the same 32 or more characters on every replica": "k".repeat(40),
  "the signing key's file, the same key on every replica": signingKeyFile,
  "data directory": dataDir
})

/** The configuration without its policies (loaded afresh each time, so never identical objects). */
const apiConfig = (env: Record<string, string>) => {
  const { policies: _, ...rest } = configFromEnv({ INIT_CWD: dataDir, ...env })
  return rest
}

const buildFailure = (layer: StoreLayer) => Effect.runPromise(Effect.flip(Effect.scoped(Effect.asVoid(Effect.provide(Effect.void, layer)))))

describe("docs/deployment.md", () => {
  it("names every setting the apps, app-kit and store-sql read, and only settings some code reads", () => {
    const read = settingsReadIn(["apps/graphql/src", "apps/webhooks/src", "apps/tui/src", "packages/app-kit/src", "packages/store-sql/src"])
    expect([...read].filter((name) => !documented.has(name)), "read by the code but not in the doc").toEqual([])
    const readAnywhere = settingsReadIn(appsAndAdapters)
    expect([...documented].filter((name) => !readAnywhere.has(name)), "in the doc but read by no code").toEqual([])
  })

  it("states the API's defaults as they are: setting each to its stated default changes nothing", () => {
    const stated = rowsOf(sectionAfter("### API (`npm start`)", settings)).flatMap((row) => {
      const single = /^`([^`]+)`$/.exec(row.fallback)
      return single ? [{ name: row.name, value: single[1]! }] : []
    })
    expect(stated.length).toBeGreaterThanOrEqual(12)
    for (const { name, value } of stated) expect(apiConfig({ [name]: value }), `${name}=${value}`).toEqual(apiConfig({}))
  })

  it("runs the replica example: a production API configuration whose store, with its signing key, is read as a PostgreSQL address", async () => {
    const config = configFromEnv(replicaEnv!)
    expect(config).toMatchObject({ production: true, host: "0.0.0.0", port: 4000, dispatch: true, cursorKey: "k".repeat(40), seed: false })
    expect(config.policies.map((policy) => policy.authority.id)).toEqual(["knowsley"])
    expect(Object.keys(config.auth)).toEqual(["knowsley"])
    // Nothing listens for it here: the store, given the example's whole environment (production: a signing key is
    // required), must get as far as connecting, which a malformed URL or a missing key never does.
    const failure = await buildFailure(PgStoreLayer(replicaEnv!.DATABASE_URL!, { connectTimeout: "3 seconds" }, replicaEnv!))
    expect(failure.message).toMatch(/^Cannot reach the PostgreSQL server at DATABASE_URL 127\.0\.0\.1:5432: /)
  })

  it("runs the SQLite example: the store opens in that directory and waits the stated time for a lock; 10 s unless set", async () => {
    const lockWaitOf = (env: Record<string, string>) =>
      Effect.runPromise(Effect.scoped(Effect.provide(WriteLockWait, SqliteStoreLayer({}, env)))).then((wait) => wait.millis)
    expect(await lockWaitOf(sqliteEnv!)).toBe(Number(sqliteEnv!.CAREPANEL_SQLITE_LOCK_WAIT_MS))
    expect(readdirSync(dataDir)).toContain("carepanel.sqlite")
    const stated = rowsOf(settings).find((row) => row.name === "CAREPANEL_SQLITE_LOCK_WAIT_MS")!.fallback
    expect(await lockWaitOf({ CAREPANEL_DATA_DIR: dataDir })).toBe(Number(stated.replaceAll("`", "")))
  })
})
