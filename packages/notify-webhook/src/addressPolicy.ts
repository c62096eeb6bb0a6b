import { BlockList, isIP } from "node:net"

type Family = "ipv4" | "ipv6"

/** Address ranges a webhook must never be sent to (unless an endpoint allows the private network). */
const ranges: ReadonlyArray<readonly [reason: string, network: string, prefix: number, family: Family]> = [
  ["an unspecified address", "0.0.0.0", 8, "ipv4"],
  ["a private address", "10.0.0.0", 8, "ipv4"],
  ["a carrier-grade NAT (CGNAT) address", "100.64.0.0", 10, "ipv4"],
  ["a loopback address", "127.0.0.0", 8, "ipv4"],
  ["a link-local address", "169.254.0.0", 16, "ipv4"],
  ["a private address", "172.16.0.0", 12, "ipv4"],
  ["a reserved address", "192.0.0.0", 24, "ipv4"],
  ["a private address", "192.168.0.0", 16, "ipv4"],
  ["a benchmarking address", "198.18.0.0", 15, "ipv4"],
  ["a multicast address", "224.0.0.0", 4, "ipv4"],
  ["a reserved address", "240.0.0.0", 4, "ipv4"],
  ["an unspecified address", "::", 128, "ipv6"],
  ["a loopback address", "::1", 128, "ipv6"],
  ["a unique-local address", "fc00::", 7, "ipv6"],
  ["a link-local address", "fe80::", 10, "ipv6"],
  ["a site-local address", "fec0::", 10, "ipv6"],
  ["a multicast address", "ff00::", 8, "ipv6"]
]

const lists = ranges.map(([reason, network, prefix, family]) => {
  const list = new BlockList()
  list.addSubnet(network, prefix, family)
  return { reason, list, family }
})

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:10.0.0.1 or ::ffff:a00:1), if it is one. */
const mappedIpv4 = (address: string): string | undefined => {
  const match = /^(?:0{0,4}:){0,5}:?ffff:(.+)$/i.exec(address)
  const tail = match?.[1]
  if (tail === undefined) return undefined
  if (isIP(tail) === 4) return tail
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail)
  if (!hex) return undefined
  const high = Number.parseInt(hex[1] ?? "0", 16)
  const low = Number.parseInt(hex[2] ?? "0", 16)
  return [high >> 8, high & 255, low >> 8, low & 255].join(".")
}

/**
 * Why an IP address is refused as a webhook destination ("a private address"), or undefined when it is
 * a public address. Something that is not an IP address is refused too.
 */
export const refusedBecause = (address: string): string | undefined => {
  const bare = address.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "")
  const family = isIP(bare)
  if (family === 0) return "not an IP address"
  const ipv4 = family === 4 ? bare : mappedIpv4(bare)
  const [checked, checkedFamily]: [string, Family] = ipv4 === undefined ? [bare, "ipv6"] : [ipv4, "ipv4"]
  return lists.find(({ list, family: f }) => f === checkedFamily && list.check(checked, checkedFamily))?.reason
}
