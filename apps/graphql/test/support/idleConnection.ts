import { connect } from "node:net"
import { setTimeout as sleep } from "node:timers/promises"

/**
 * Asks `GET path` on one connection, leaves it idle for `idleMs`, then asks again on it, as a load balancer reuses its
 * connections to the app: how many of the two were answered, and whether the app had closed the connection before the
 * second was sent.
 */
export const askTwiceOnOneConnection = async (url: string, path: string, idleMs: number) => {
  const { hostname, port } = new URL(url)
  const socket = connect(Number(port), hostname)
  let received = ""
  let closedAt: number | undefined
  socket.on("data", (chunk) => (received += chunk.toString()))
  socket.on("close", () => (closedAt = Date.now()))
  socket.on("error", () => undefined)
  const ask = `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`
  socket.write(ask)
  await sleep(idleMs)
  const closedBeforeSecond = closedAt !== undefined
  if (!closedBeforeSecond) socket.write(ask)
  await sleep(500)
  socket.destroy()
  return { answered: (received.match(/HTTP\/1\.1 200 /g) ?? []).length, closedBeforeSecond }
}
