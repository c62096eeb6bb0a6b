import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { refusedBecause } from "../src/addressPolicy.js"
import { makeWebhookNotifier } from "../src/WebhookNotifier.js"
import { notification, outcome, settingsFor } from "./fixtures.js"
import { newSecret, receiver } from "./receiver.js"

describe("address policy", () => {
  it("refuses private, loopback, link-local, CGNAT, unique-local, unspecified and mapped addresses", () => {
    const refused: ReadonlyArray<readonly [string, string]> = [
      ["10.1.2.3", "a private address"],
      ["172.16.0.1", "a private address"],
      ["172.31.255.255", "a private address"],
      ["192.168.1.1", "a private address"],
      ["127.0.0.1", "a loopback address"],
      ["127.53.0.1", "a loopback address"],
      ["169.254.169.254", "a link-local address"],
      ["100.64.0.1", "a carrier-grade NAT (CGNAT) address"],
      ["100.127.255.254", "a carrier-grade NAT (CGNAT) address"],
      ["0.0.0.0", "an unspecified address"],
      ["255.255.255.255", "a reserved address"],
      ["::", "an unspecified address"],
      ["::1", "a loopback address"],
      ["[::1]", "a loopback address"],
      ["fd12:3456::1", "a unique-local address"],
      ["fc00::1", "a unique-local address"],
      ["fe80::1%eth0", "a link-local address"],
      ["::ffff:10.0.0.1", "a private address"],
      ["::ffff:7f00:1", "a loopback address"],
      ["ff02::1", "a multicast address"]
    ]
    for (const [address, reason] of refused) expect([address, refusedBecause(address)]).toEqual([address, reason])
  })

  it("lets public addresses through", () => {
    for (const address of ["8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"]) {
      expect([address, refusedBecause(address)]).toEqual([address, undefined])
    }
  })
})

describe("webhook notifier refuses private destinations", () => {
  it.effect("for literal private and loopback IPs, before any connection, permanently and clearly", () =>
    Effect.gen(function* () {
      const hosts = ["10.0.0.1", "192.168.1.20", "172.16.5.4", "100.64.1.1", "169.254.169.254", "127.0.0.1", "0.0.0.0", "[::1]", "[fd00::1]", "[fe80::1]", "[::ffff:10.0.0.1]"]
      for (const host of hosts) {
        const url = `https://${host}:8443/hooks/secret-token`
        const failure = yield* outcome(makeWebhookNotifier(settingsFor(url, [newSecret()], { allowPrivateNetwork: false })).deliver(notification()))
        expect(failure?.permanent).toBe(true)
        expect(failure?.message).toMatch(
          /^Refusing to send webhooks for north-somerset to https:\/\/\S+:8443: \S+ is an? .+ address\. Only public addresses are allowed; set allowPrivateNetwork: true on this endpoint for development only\.$/
        )
        expect(failure?.message).not.toContain("secret-token")
      }
    }))

  it.scopedLive("for a host name that resolves to loopback (localhost), checked when connecting: nothing arrives", () =>
    Effect.gen(function* () {
      const secret = newSecret()
      const server = yield* receiver(secret)
      const url = `http://localhost:${server.port}/carepanel`
      const refused = yield* outcome(
        makeWebhookNotifier(settingsFor(url, [secret], { allowPrivateNetwork: false })).deliver(notification())
      )
      expect(refused?.permanent).toBe(true)
      expect(refused?.message).toMatch(
        new RegExp(`^Refusing to send webhooks for north-somerset to http://localhost:${server.port}: localhost resolves to (127\\.0\\.0\\.1|::1), a loopback address\\.`)
      )
      expect(server.received).toHaveLength(0)
      const allowed = yield* outcome(makeWebhookNotifier(settingsFor(url, [secret], { allowPrivateNetwork: true })).deliver(notification()))
      expect(allowed).toBeUndefined()
      expect(server.received).toHaveLength(1)
    }))
})
