import type { LookupAddress } from "node:dns"
import { afterAll, describe, expect, it, vi } from "vitest"

// A host name's answers as the connection sees them. Real DNS for IP literals and localhost; names under the reserved
// .test domain answer from this zone, as a real resolver may (a name with a public and a private address, a name
// whose answer is empty), which no public name can be relied on to do in a test.
const zone = vi.hoisted((): Record<string, ReadonlyArray<LookupAddress>> => ({
  "cases.north-somerset.test": [{ address: "203.0.113.10", family: 4 }],
  "rebinding.test": [
    { address: "203.0.113.10", family: 4 },
    { address: "10.20.30.40", family: 4 }
  ],
  "v6only.test": [{ address: "2001:db8::10", family: 6 }],
  "mapped.test": [{ address: "::ffff:192.168.0.7", family: 6 }],
  "empty.test": []
}))

vi.mock("node:dns", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:dns")>()
  const lookup = (hostname: string, options: { all?: boolean }, callback: (...args: Array<unknown>) => void) => {
    const answers = zone[hostname]
    if (answers === undefined) return real.lookup(hostname, options, callback as never)
    return options.all === true
      ? callback(null, answers)
      : callback(null, answers[0]?.address ?? "", answers[0]?.family ?? 4)
  }
  return { ...real, lookup, default: { ...real, lookup } }
})

// The suite's files share loaded modules (vitest.config.ts): another file may have loaded the guarded lookup with the
// real node:dns, so load it afresh under the mock here, and let the next file load it afresh without.
vi.resetModules()
const { guardedLookup, literalRefusal, RefusedAddress } = await import("../src/guardedLookup.js")
afterAll(() => {
  vi.doUnmock("node:dns")
  vi.resetModules()
})

interface Resolved {
  readonly error: NodeJS.ErrnoException | null
  readonly address: unknown
  readonly family: number | undefined
}

/** What the HTTP client is told when it asks the guarded lookup for `hostname`. */
const resolve = (allowPrivateNetwork: boolean, hostname: string, all = false) =>
  new Promise<Resolved>((done) => {
    guardedLookup(allowPrivateNetwork)(hostname, { all }, (error, address, family) => done({ error, address, family }))
  })

describe("given a webhook host name, when the connection looks it up", () => {
  it("then a name resolving only to public addresses connects to its first one, IPv4 or IPv6", async () => {
    expect(await resolve(false, "cases.north-somerset.test")).toEqual({ error: null, address: "203.0.113.10", family: 4 })
    expect(await resolve(false, "v6only.test")).toEqual({ error: null, address: "2001:db8::10", family: 6 })
    expect(await resolve(false, "8.8.8.8")).toEqual({ error: null, address: "8.8.8.8", family: 4 })
  })

  it("then a client asking for every address gets every address", async () => {
    expect(await resolve(false, "cases.north-somerset.test", true)).toEqual({
      error: null,
      address: [{ address: "203.0.113.10", family: 4 }],
      family: undefined
    })
  })

  it("then a name with a private address among public ones is refused, naming the private one (no DNS rebinding)", async () => {
    const { error } = await resolve(false, "rebinding.test")
    expect(error).toBeInstanceOf(RefusedAddress)
    expect(error).toMatchObject({
      name: "RefusedAddress",
      host: "rebinding.test",
      address: "10.20.30.40",
      reason: "a private address",
      message: "rebinding.test resolves to 10.20.30.40, a private address"
    })
  })

  it("then a name resolving to an IPv4-mapped private address, or to loopback, is refused", async () => {
    expect((await resolve(false, "mapped.test")).error?.message).toBe("mapped.test resolves to ::ffff:192.168.0.7, a private address")
    expect((await resolve(false, "localhost")).error?.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address$/)
  })

  it("then a private IP given as the host is refused in plain words", async () => {
    for (const [host, message] of [
      ["10.0.0.1", "10.0.0.1 is a private address"],
      ["169.254.169.254", "169.254.169.254 is a link-local address"],
      ["::1", "::1 is a loopback address"]
    ] as const) {
      expect([host, (await resolve(false, host)).error?.message]).toEqual([host, message])
    }
  })

  it("then, on an endpoint that allows the private network (development), private and loopback addresses connect", async () => {
    expect(await resolve(true, "rebinding.test")).toEqual({ error: null, address: "203.0.113.10", family: 4 })
    expect(await resolve(true, "10.0.0.1")).toEqual({ error: null, address: "10.0.0.1", family: 4 })
    expect((await resolve(true, "localhost")).error).toBeNull()
  })

  it("then a name with no address fails as not found, and a failed lookup is passed on as it is", async () => {
    const empty = await resolve(false, "empty.test")
    expect(empty.error).toMatchObject({ code: "ENOTFOUND", message: "empty.test has no address" })
    const unknown = await resolve(false, "no-such-host.invalid")
    expect(unknown.error).toBeInstanceOf(Error)
    expect(unknown.error).not.toBeInstanceOf(RefusedAddress)
    expect(["ENOTFOUND", "EAI_AGAIN"]).toContain(unknown.error?.code)
  })
})

describe("given an endpoint URL whose host is an IP address (no lookup happens)", () => {
  it("then a private, loopback or mapped address is refused before connecting, named without brackets", () => {
    for (const [url, message] of [
      ["https://192.168.1.20:8443/hook", "192.168.1.20 is a private address"],
      ["https://[::1]/hook", "::1 is a loopback address"],
      ["https://[::ffff:10.0.0.1]/hook", "::ffff:a00:1 is a private address"]
    ] as const) {
      const refused = literalRefusal(new URL(url))
      expect([url, refused?.message, refused?.host]).toEqual([url, message, refused?.address])
    }
  })

  it("then a public address, or a host name (checked when connecting), is not refused here", () => {
    for (const url of ["https://8.8.8.8/hook", "https://[2001:4860:4860::8888]/hook", "https://cases.north-somerset.test/hook"]) {
      expect([url, literalRefusal(new URL(url))]).toEqual([url, undefined])
    }
  })
})
