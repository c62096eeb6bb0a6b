import { connect, createServer, type Socket } from "node:net"
import { type PostgresCluster, startPostgresCluster } from "./postgresCluster.js"

/**
 * A TCP proxy in front of a test's database that can fail as a network partition does: while cut, nothing is
 * refused and nothing is reset, every packet either way is held (as TCP holds them while it retransmits).
 */
export interface PartitionableProxy {
  /** The database's URL with the proxy's port in place of the database's. */
  readonly url: string
  /** The network fails: every packet from now on is held. */
  readonly cut: () => void
  /** The network is back: the held packets are delivered in order, then everything flows again. */
  readonly heal: () => void
  /** The partition ends in resets instead: the held packets are lost and every connection through the proxy is ended. */
  readonly reset: () => void
  /** Heals, ends every connection and stops listening. */
  readonly close: () => Promise<void>
}

/** Forwards to the database at `databaseUrl` (on 127.0.0.1) from a free port. */
export const startPartitionableProxy = async (databaseUrl: string): Promise<PartitionableProxy> => {
  const direct = new URL(databaseUrl)
  let cut = false
  let held: Array<() => void> = []
  const sockets = new Set<Socket>()
  const forward = (to: Socket) => (data: Buffer) => (cut ? held.push(() => to.write(data)) : to.write(data))
  const server = createServer((client) => {
    const database = connect(Number(direct.port), "127.0.0.1")
    for (const socket of [client, database]) {
      sockets.add(socket)
      socket.on("error", () => undefined)
      socket.on("close", () => sockets.delete(socket))
    }
    client.on("data", forward(database))
    database.on("data", forward(client))
    client.on("close", () => database.destroy())
    database.on("close", () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  const proxied = new URL(direct)
  proxied.port = String((server.address() as { port: number }).port)
  const heal = () => {
    cut = false
    for (const deliver of held.splice(0)) deliver()
  }
  const endConnections = () => {
    for (const socket of sockets) socket.destroy()
  }
  return {
    url: proxied.toString(),
    cut: () => {
      cut = true
    },
    heal,
    reset: () => {
      held = []
      cut = false
      endConnections()
    },
    close: async () => {
      heal()
      endConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/** A throwaway PostgreSQL cluster behind a partitionable proxy, for an app under test that reaches it through `partition.url`. */
export const startPartitionedPostgres = async () => {
  const cluster: PostgresCluster = await startPostgresCluster()
  const partition = await startPartitionableProxy(cluster.url("postgres"))
  return {
    cluster,
    partition,
    /** The network back first (a failed test may leave it cut), so that closing the app cannot wait on a held packet. */
    stop: async (closeApp: () => Promise<void> = async () => undefined) => {
      try {
        await partition.close()
        await closeApp()
      } finally {
        cluster.stop()
      }
    }
  }
}
