import { SqlError } from "@effect/sql/SqlError"
import type { PgClient } from "@effect/sql-pg"
import { Duration, Effect, Redacted, Stream } from "effect"
// @ts-expect-error node-postgres ships no types (and @types/pg is not installed): the part used here is typed below.
import Pg from "pg"

interface Notification {
  readonly channel: string
  readonly payload?: string
}

/** The part of node-postgres's `Client` a listener uses. */
interface ListeningConnection {
  connect(): Promise<unknown>
  query(text: string): Promise<unknown>
  end(): Promise<unknown>
  on(event: "notification", listener: (message: Notification) => void): unknown
  on(event: "error", listener: (error: Error) => void): unknown
  on(event: "end", listener: () => void): unknown
}

const { Client, escapeIdentifier } = Pg as {
  readonly Client: new (config: Record<string, unknown>) => ListeningConnection
  readonly escapeIdentifier: (name: string) => string
}

const connectionOf = (config: PgClient.PgClientConfig) =>
  new Client({
    connectionString: config.url === undefined ? undefined : Redacted.value(config.url),
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.username,
    password: config.password === undefined ? undefined : Redacted.value(config.password),
    ssl: config.ssl,
    application_name: config.applicationName,
    connectionTimeoutMillis: Duration.toMillis(Duration.decode(config.connectTimeout ?? Duration.seconds(5))),
    keepAlive: true
  })

/**
 * The payloads NOTIFYed on `channel`, heard on a connection of its own outside the pool, as @effect/sql-pg's `listen`
 * does; but this stream fails as soon as that connection is lost (the server restarted, a failover), so the caller can
 * listen again. @effect/sql-pg's swallows the loss: its stream then waits for ever on a dead connection.
 * `onListening` runs each time LISTEN has been granted.
 */
export const listenOn = (config: PgClient.PgClientConfig, channel: string, onListening: Effect.Effect<void>): Stream.Stream<string, SqlError> =>
  Stream.asyncPush<string, SqlError>((emit) => {
    const lost = (cause: unknown) => emit.fail(new SqlError({ cause, message: `The connection listening on ${channel} was lost` }))
    return Effect.acquireRelease(
      Effect.tryPromise({
        try: async () => {
          const connection = connectionOf(config)
          connection.on("error", lost)
          connection.on("end", () => lost(new Error("the connection ended")))
          connection.on("notification", (message) => {
            if (message.channel === channel && message.payload) emit.single(message.payload)
          })
          try {
            await connection.connect()
            await connection.query(`LISTEN ${escapeIdentifier(channel)}`)
          } catch (error) {
            await connection.end().catch(() => undefined)
            throw error
          }
          return connection
        },
        catch: (cause) => new SqlError({ cause, message: `Failed to listen on ${channel}` })
      }),
      (connection) => Effect.promise(() => connection.end().catch(() => undefined)).pipe(Effect.timeoutOption(1_000))
    ).pipe(Effect.zipLeft(onListening))
  })
