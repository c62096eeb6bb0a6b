import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { Effect, Either } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { generateSigningKeyPem, signingKeyFromPem } from "../../src/chain/signingKey.js"
import { connectionFailure } from "../../src/config/connectionFailure.js"
import { resolveSqliteFile } from "../../src/config/dataDirectory.js"
import { type DatabaseUrl, parseDatabaseUrl, redact } from "../../src/config/databaseUrl.js"
import { dataDirOf, resolveIntegrity } from "../../src/config/integrityConfig.js"
import { resolveLockWait } from "../../src/config/lockWait.js"

/**
 * The one line an operator reads when the store cannot start (docs/deployment.md): which setting, what it got, what
 * went wrong. Without a database: test/config.test.ts starts real layers for the rest.
 */
const scratch = mkdtempSync(join(tmpdir(), "carepanel-config-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const folder = (name: string) => mkdtempSync(join(scratch, `${name}-`))
const failureOf = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(Effect.flip(effect))
const successOf = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(effect)

describe("DATABASE_URL", () => {
  it("takes the port 5432 unless one is given, a percent-encoded database name, and a host given as ?host=", () => {
    expect(successOf(parseDatabaseUrl(" postgres://app@db.example/carepanel "))).toEqual({ url: "postgres://app@db.example/carepanel", host: "db.example", port: 5432, database: "carepanel" })
    expect(successOf(parseDatabaseUrl("postgresql://app@db.example:6543/care%20panel"))).toMatchObject({ port: 6543, database: "care panel" })
    expect(successOf(parseDatabaseUrl("postgres:///carepanel?host=/run/postgresql"))).toMatchObject({ host: "/run/postgresql", database: "carepanel" })
  })

  it("refuses a path of more than one part, naming it", () => {
    expect(failureOf(parseDatabaseUrl("postgres://db.example/carepanel/extra")).message).toBe(
      'DATABASE_URL is not a valid postgres:// URL: "carepanel/extra" is not a database name (the path must be /<database>)'
    )
  })

  it("hides the password of a URL it cannot read, and only the password", () => {
    expect(redact("postgres://app:s3cret@db.example:5432/carepanel")).toBe("postgres://app:***@db.example:5432/carepanel")
    expect(redact("postgres://app@db.example/carepanel")).toBe("postgres://app@db.example/carepanel")
    expect(failureOf(parseDatabaseUrl("postgres://app:s3cret@db example/x")).message).toBe(
      'DATABASE_URL is not a valid postgres:// URL: "postgres://app:***@db example/x" cannot be read as a URL (expected postgres://user:password@host:5432/database)'
    )
  })
})

describe("a first connection that fails names DATABASE_URL's host and port and the reason in words", () => {
  const db: DatabaseUrl = { url: "postgres://app@db.example:6543/carepanel", host: "db.example", port: 6543, database: "carepanel" }
  const reasonOf = (error: unknown) => {
    const failure = connectionFailure(db, error)
    expect(failure.setting).toBe("DATABASE_URL")
    const prefix = "Cannot reach the PostgreSQL server at DATABASE_URL db.example:6543: "
    expect(failure.message.startsWith(prefix)).toBe(true)
    return failure.message.slice(prefix.length)
  }

  it.each([
    ["ENOTFOUND", "the host name db.example was not found"],
    ["EAI_AGAIN", "the host name db.example could not be looked up"],
    ["ETIMEDOUT", "the connection timed out"],
    ["EHOSTUNREACH", "the host is unreachable"],
    ["ECONNRESET", "the server closed the connection"],
    ["28P01", 'authentication failed (password authentication failed for user "app")'],
    ["28000", 'the server refused the login (password authentication failed for user "app")'],
    ["3D000", 'the database "carepanel" does not exist'],
    ["57P03", "the server is starting up or shutting down"],
    ["53300", '53300: password authentication failed for user "app"']
  ])("%s", (code, reason) => {
    expect(reasonOf({ code, message: 'password authentication failed for user "app"' })).toBe(reason)
  })

  it("finds the code under the SQL error's cause and in an AggregateError's list (IPv4 and IPv6 tried)", () => {
    const refused = new AggregateError([new Error("no code here"), Object.assign(new Error("connect ECONNREFUSED ::1:6543"), { code: "ECONNREFUSED" })], "")
    expect(reasonOf({ message: "Failed to connect", cause: { cause: refused } })).toBe("connection refused")
  })

  it("says a connection timed out when the driver only says so in words, and passes any other message on", () => {
    expect(reasonOf(new Error("Connection terminated due to connection Timed Out"))).toBe("the connection timed out")
    expect(reasonOf(new Error("something else broke"))).toBe("something else broke")
    expect(reasonOf("a bare string")).toBe("a bare string")
  })

  it("stops looking for a code five causes down", () => {
    const deep = (levels: number): unknown => (levels === 0 ? { code: "ECONNREFUSED", message: "" } : { message: `level ${levels}`, cause: deep(levels - 1) })
    expect(reasonOf(deep(5))).toBe("connection refused")
    expect(reasonOf(deep(6))).toBe("level 6")
  })
})

describe("CAREPANEL_SQLITE_LOCK_WAIT_MS", () => {
  it("takes the option before the setting, the setting before 10 s, and accepts 0 and 600 000", () => {
    expect(successOf(resolveLockWait(250, { CAREPANEL_SQLITE_LOCK_WAIT_MS: "5000" }))).toBe(250)
    expect(successOf(resolveLockWait(undefined, { CAREPANEL_SQLITE_LOCK_WAIT_MS: " 5000 " }))).toBe(5000)
    expect(successOf(resolveLockWait(undefined, { CAREPANEL_SQLITE_LOCK_WAIT_MS: "  " }))).toBe(10_000)
    expect(successOf(resolveLockWait(0, {}))).toBe(0)
    expect(successOf(resolveLockWait(600_000, {}))).toBe(600_000)
  })

  it("reads the setting as plain digits: a sign, an exponent, hex or a decimal point is refused by name", () => {
    for (const typed of ["5e3", "+5000", "5000.0", "0x1388", "-0"]) {
      expect(failureOf(resolveLockWait(undefined, { CAREPANEL_SQLITE_LOCK_WAIT_MS: typed })), typed).toMatchObject({
        setting: "CAREPANEL_SQLITE_LOCK_WAIT_MS",
        message: `CAREPANEL_SQLITE_LOCK_WAIT_MS must be a whole number of milliseconds from 0 to 600000, not "${typed}"`
      })
    }
  })

  it("names the option, not the setting, when the option is wrong", () => {
    expect(failureOf(resolveLockWait(-5, { CAREPANEL_SQLITE_LOCK_WAIT_MS: "5000" }))).toMatchObject({
      setting: "lockWaitMs",
      message: 'lockWaitMs must be a whole number of milliseconds from 0 to 600000, not "-5"'
    })
  })
})

describe("the data directory", () => {
  it("names the option dataDir when it is given; the development key's folder is CAREPANEL_DATA_DIR, else ./data", () => {
    const file = join(folder("taken"), "a-file")
    writeFileSync(file, "")
    expect(failureOf(resolveSqliteFile({ dataDir: file }, { CAREPANEL_DATA_DIR: "/elsewhere" }))).toMatchObject({
      setting: "dataDir",
      message: `dataDir ${file} is not a writable directory: a file with that name exists`
    })
    expect(successOf(resolveSqliteFile({ dataDir: folder("named"), filename: "panel.sqlite" }, {})).filename).toMatch(/\/panel\.sqlite$/)
    expect(dataDirOf({ CAREPANEL_DATA_DIR: " " })).toBe(resolve("data"))
    expect(dataDirOf({ CAREPANEL_DATA_DIR: " /srv/carepanel " })).toBe("/srv/carepanel")
  })
})

describe("the signing key and the witness", () => {
  const pem = generateSigningKeyPem()
  const integrity = (options: Parameters<typeof resolveIntegrity>[0], env: Record<string, string>, dataDir = folder("data")) =>
    Effect.runSync(Effect.either(resolveIntegrity(options, env, dataDir)))

  it("takes the option, then CAREPANEL_SIGNING_KEY, then the file CAREPANEL_SIGNING_KEY_FILE, and says where it came from", () => {
    const keyFile = join(folder("keys"), "signing-key.pem")
    writeFileSync(keyFile, pem)
    const other = generateSigningKeyPem()
    expect(integrity({ signingKeyPem: pem }, { CAREPANEL_SIGNING_KEY: other })).toMatchObject(Either.right({ keySource: "signingKeyPem", key: { keyId: signingKeyFromPem(pem).keyId } }))
    expect(integrity({}, { CAREPANEL_SIGNING_KEY: other, CAREPANEL_SIGNING_KEY_FILE: keyFile })).toMatchObject(
      Either.right({ keySource: "CAREPANEL_SIGNING_KEY", key: { keyId: signingKeyFromPem(other).keyId } })
    )
    expect(integrity({}, { CAREPANEL_SIGNING_KEY: " ", CAREPANEL_SIGNING_KEY_FILE: ` ${keyFile} ` })).toMatchObject(
      Either.right({ keySource: `CAREPANEL_SIGNING_KEY_FILE ${keyFile}`, witness: undefined })
    )
  })

  it("names the key's setting when the key file cannot be read or holds no usable key", () => {
    const missing = join(scratch, "no-such-key.pem")
    expect(integrity({}, { CAREPANEL_SIGNING_KEY_FILE: missing })).toMatchObject(
      Either.left({ setting: "CAREPANEL_SIGNING_KEY_FILE", message: expect.stringMatching(new RegExp(`^CAREPANEL_SIGNING_KEY_FILE ${missing} cannot be read: ENOENT`)) })
    )
    expect(integrity({}, { CAREPANEL_SIGNING_KEY: "not a key" })).toMatchObject(
      Either.left({ setting: "CAREPANEL_SIGNING_KEY", message: expect.stringMatching(/^CAREPANEL_SIGNING_KEY is not a usable signing key: /) })
    )
  })

  it("keeps the witness named by CAREPANEL_WITNESS_FILE, every CAREPANEL_WITNESS_INTERVAL_S seconds (60 unless set)", () => {
    const witness = join(folder("witness"), "checkpoints.jsonl")
    expect(integrity({ signingKeyPem: pem }, { CAREPANEL_WITNESS_FILE: ` ${witness} ` })).toMatchObject(Either.right({ witness: { file: witness, intervalSeconds: 60 } }))
    expect(integrity({ signingKeyPem: pem }, { CAREPANEL_WITNESS_FILE: witness, CAREPANEL_WITNESS_INTERVAL_S: "15" })).toMatchObject(
      Either.right({ witness: { file: witness, intervalSeconds: 15 } })
    )
    expect(integrity({ signingKeyPem: pem }, { CAREPANEL_WITNESS_FILE: witness, CAREPANEL_WITNESS_INTERVAL_S: "0.5" })).toMatchObject(Either.right({ witness: { intervalSeconds: 0.5 } }))
    expect(integrity({ signingKeyPem: pem, witnessFile: witness, witnessIntervalSeconds: 5 }, { CAREPANEL_WITNESS_INTERVAL_S: "15" })).toMatchObject(
      Either.right({ witness: { file: witness, intervalSeconds: 5 } })
    )
  })

  it("refuses a witness inside the data directory, one that cannot be appended to, and an interval that is not a positive number", () => {
    const dataDir = folder("data")
    expect(integrity({ signingKeyPem: pem }, { CAREPANEL_WITNESS_FILE: join(dataDir, "w", "witness.jsonl") }, dataDir)).toEqual(
      Either.left(
        expect.objectContaining({
          setting: "CAREPANEL_WITNESS_FILE",
          message: `CAREPANEL_WITNESS_FILE ${join(dataDir, "w", "witness.jsonl")} is inside the data directory ${dataDir}: a witness must be kept apart from the database`
        })
      )
    )
    const file = join(folder("taken"), "a-file")
    writeFileSync(file, "")
    expect(integrity({ signingKeyPem: pem }, { CAREPANEL_WITNESS_FILE: join(file, "witness.jsonl") })).toMatchObject(
      Either.left({ setting: "CAREPANEL_WITNESS_FILE", message: expect.stringMatching(new RegExp(`^CAREPANEL_WITNESS_FILE ${join(file, "witness.jsonl")} cannot be appended to: E`)) })
    )
    const witness = join(folder("witness"), "checkpoints.jsonl")
    for (const wrong of ["0", "-60", "soon", "1e3", "0x10", "+60", "60."]) {
      expect(integrity({ signingKeyPem: pem }, { CAREPANEL_WITNESS_FILE: witness, CAREPANEL_WITNESS_INTERVAL_S: wrong })).toEqual(
        Either.left(
          expect.objectContaining({
            setting: "CAREPANEL_WITNESS_INTERVAL_S",
            message: `CAREPANEL_WITNESS_INTERVAL_S must be a positive number of seconds, not "${wrong}"`
          })
        )
      )
    }
  })

  it("takes a witness in a sibling folder whose name starts like the data directory's as outside it", () => {
    const dataDir = folder("data")
    const sibling = `${dataDir}-witness/checkpoints.jsonl`
    expect(integrity({ signingKeyPem: pem, witnessFile: sibling }, {}, dataDir)).toMatchObject(Either.right({ witness: { file: sibling } }))
  })
})
