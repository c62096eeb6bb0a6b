import { lookup as dnsLookup } from "node:dns"
import type { LookupFunction } from "node:net"
import { refusedBecause } from "./addressPolicy.js"

/** A webhook host is, or resolves to, an address webhooks must not go to. */
export class RefusedAddress extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: string
  ) {
    super(host === address ? `${host} is ${reason}` : `${host} resolves to ${address}, ${reason}`)
    this.name = "RefusedAddress"
  }
}

/**
 * A DNS lookup for the HTTP client that resolves every address of the host and refuses the connection if
 * any is private, loopback, link-local and so on. Checking inside the connection itself (rather than
 * before it) leaves no gap for the name to resolve differently between the check and the connect.
 */
export const guardedLookup =
  (allowPrivateNetwork: boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "")
      const refused = allowPrivateNetwork
        ? undefined
        : addresses.map((a) => ({ ...a, reason: refusedBecause(a.address) })).find((a) => a.reason !== undefined)
      if (refused?.reason !== undefined) return callback(new RefusedAddress(hostname, refused.address, refused.reason), "")
      if (options.all) return callback(null, addresses)
      const first = addresses[0]
      if (first === undefined) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "")
      return callback(null, first.address, first.family)
    })
  }

/** The refusal for a URL whose host is an IP literal (no lookup happens for those), if it is refused. */
export const literalRefusal = (url: URL): RefusedAddress | undefined => {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1")
  const reason = refusedBecause(host)
  return reason === undefined || reason === "not an IP address" ? undefined : new RefusedAddress(host, host, reason)
}
