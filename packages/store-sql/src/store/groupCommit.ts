import { SqlClient } from "@effect/sql"
import { SqlError } from "@effect/sql/SqlError"
import { Context, Deferred, Effect, Exit, FiberId, Option } from "effect"
import { writeLinks } from "../chain/appendLink.js"
import { type PendingLink, PendingLinks } from "../chain/pendingLinks.js"
import type { SigningKey } from "../chain/signingKey.js"
import type { WriteTransaction } from "../sql/writeTransaction.js"

/**
 * Which serialised log a commit writes: the event log (event_head) or the access log (its lock); or, on SQLite only,
 * the outbox's record of a delivery (no log: SQLite's write transaction is one lock for everything).
 */
export type CommitKind = "events" | "access" | "outbox"

/** One write that must be atomic: it leaves its chain links in `PendingLinks` (see addLink). */
export type CommitWork<A, E> = Effect.Effect<A, E, SqlClient.SqlClient | PendingLinks>

/**
 * Commits `work` durably and answers with its result; on its own (a caller's transaction is open, or grouping is
 * off) or together with the other commits of this process that are waiting at the same moment.
 */
export type GroupCommit = <A, E>(kind: CommitKind, work: CommitWork<A, E>) => Effect.Effect<A, E | SqlError>

export interface GroupCommitOptions {
  /**
   * Concurrent commits of this process share one transaction and one sync (default true). `false` gives every commit
   * its own transaction, as the bench's comparison does.
   */
  readonly groupCommit?: boolean
  /** Told the number of commits in each group that committed: for a metric, and for the tests that show grouping. */
  readonly onGroup?: (commits: number) => void
}

interface Member {
  readonly kind: CommitKind
  readonly work: CommitWork<unknown, unknown>
  readonly done: Deferred.Deferred<unknown, unknown>
}

const storeClosed = () => new SqlError({ message: "The store was closed (the process is stopping): nothing of this commit was written" })

/**
 * The leader's yield on SQLite: one turn of the event loop (setImmediate), so that the I/O callbacks already due run
 * first. While a SQLite transaction and its sync block the loop, the next requests arrive on their sockets; each one
 * handled in that turn reaches its commit in the same callback and joins the group. A microtask yield
 * (Effect.yieldNow) lets in only the commits started by the leader's own callback: an API serving 10 readers wrote
 * every access-log entry in a group of one, each with its own sync. PostgreSQL keeps the microtask yield: its driver
 * waits on the network, so the commits that arrive meanwhile queue for the drain's next group anyway.
 */
const afterPendingIo = Effect.async<void>((resume) => {
  setImmediate(() => resume(Effect.void))
})

/**
 * Group commit. The first commit to arrive leads a group in its own fibre; every commit that arrives before the leader
 * begins (or while its group is syncing) waits in line and goes into the group or the next one. A group is one write
 * transaction: each member runs in its own savepoint (an access-log record needs none: see runGroup), so a member
 * that fails (a version conflict, a refused row, a throw) is rolled back alone and answered with its own failure; then
 * the surviving members' chain links are written (each signed), the transaction commits (one sync), and only then is
 * each member answered. If the commit itself fails, every member that had not failed on its own fails with that error:
 * nothing is acknowledged that is not durable. A group of one runs without a savepoint, as a lone commit did before.
 */
export const makeGroupCommit = (writeTransaction: WriteTransaction, key: SigningKey, options: GroupCommitOptions = {}) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const scope = yield* Effect.scope
    const grouped = options.groupCommit ?? true
    const leaderYield = sql.onDialectOrElse({ sqlite: () => afterPendingIo, orElse: () => Effect.yieldNow() })

    // PostgreSQL: a group holding both logs' locks takes them in one order (event_head first), so two processes'
    // mixed groups cannot deadlock. SQLite's write transaction is one lock for everything.
    const lockInOrder = (members: ReadonlyArray<Member>) =>
      members.some((m) => m.kind === "events") && members.some((m) => m.kind === "access")
        ? sql.onDialectOrElse({
            pg: () => Effect.asVoid(sql`SELECT last_position FROM event_head WHERE id = 1 FOR UPDATE`),
            orElse: () => Effect.void
          })
        : Effect.void

    /**
     * Runs one group in one transaction; every member's outcome, once the group has committed (or not). An access-log
     * record is one INSERT, which no valid row fails, so it runs without a savepoint of its own (a savepoint cost about
     * a sixth of a logged read). If one fails all the same, the transaction is rolled back, that record is answered
     * with its failure and the rest of the group is written again without it: it still fails alone.
     */
    const runGroup = (members: ReadonlyArray<Member>): Effect.Effect<ReadonlyArray<Exit.Exit<unknown, unknown>>> => {
      const outcomes: Array<Exit.Exit<unknown, unknown> | undefined> = []
      let refused: { readonly index: number; readonly outcome: Exit.Exit<unknown, unknown> } | undefined
      const alone = members.length === 1
      const body = Effect.gen(function* () {
        outcomes.length = 0 // a busy SQLite transaction is started again from the top
        refused = undefined
        yield* lockInOrder(members)
        const links: Array<PendingLink> = []
        for (const [index, member] of members.entries()) {
          const buffer: Array<PendingLink> = []
          const work = Effect.provideService(member.work, PendingLinks, buffer)
          // Alone, a failure fails the whole transaction (nothing of it is written); in a group, only its savepoint.
          const outcome = alone ? Exit.succeed(yield* work) : yield* Effect.exit(member.kind === "access" ? work : writeTransaction(work))
          if (member.kind === "access" && Exit.isFailure(outcome)) {
            refused = { index, outcome }
            return yield* outcome
          }
          outcomes.push(outcome)
          if (Exit.isSuccess(outcome)) links.push(...buffer)
        }
        yield* writeLinks(key, links)
      })
      return writeTransaction(body).pipe(
        Effect.provideService(SqlClient.SqlClient, sql),
        Effect.tap(() => options.onGroup?.(members.length)),
        Effect.exit,
        Effect.flatMap((group) => {
          if (refused !== undefined) {
            const { index, outcome } = refused
            return Effect.map(runGroup(members.filter((_, i) => i !== index)), (rest) => [...rest.slice(0, index), outcome, ...rest.slice(index)])
          }
          return Effect.succeed(
            members.map((_, i) => {
              const own = outcomes[i]
              if (own !== undefined && Exit.isFailure(own)) return own
              return Exit.isFailure(group) ? group : own!
            })
          )
        })
      )
    }

    let waiting: Array<Member> = []
    let leading = false
    /** Set when the store's scope closes: a commit then is refused (nothing of it written), never left waiting. */
    let closed = false

    const answer = (members: ReadonlyArray<Member>, outcomes: ReadonlyArray<Exit.Exit<unknown, unknown>>) =>
      Effect.forEach(members, (member, i) => Deferred.done(member.done, outcomes[i]!), { discard: true })

    /** Writes every waiting commit as one group, answers its members, and again until none is waiting. */
    const drain: Effect.Effect<void> = Effect.suspend(() => {
      if (waiting.length === 0) {
        leading = false
        return Effect.void
      }
      const members = waiting
      waiting = []
      return runGroup(members).pipe(
        Effect.flatMap((outcomes) => answer(members, outcomes)),
        Effect.onInterrupt(() => Effect.forEach(members, (member) => Deferred.interrupt(member.done))),
        Effect.zipRight(drain)
      )
    })
    // A commit still waiting for a group when the store closes was not written: it is answered so, at once. The drain
    // fibre (in the same scope) is interrupted, and with it the members of the group it was writing.
    yield* Effect.addFinalizer(() =>
      Effect.suspend(() => {
        closed = true
        const unwritten = waiting
        waiting = []
        return Effect.forEach(unwritten, (member) => Deferred.fail(member.done, storeClosed()), { discard: true })
      })
    )

    /**
     * The first commit to arrive while no group is being written leads one in its own fibre: no fibre to start and
     * no hand-off, so a lone writer pays one yield (on SQLite a turn of the event loop: afterPendingIo). That yield
     * lets the commits already on their way (on SQLite the driver is synchronous, so none can arrive while a
     * transaction runs) queue behind it and join its group. Commits that arrive while its group is written are left
     * to a drain fibre, so the leader is answered with its group.
     * Uninterruptible: the other members' commits are in its hands.
     */
    const leadGroup = (first: Member): Effect.Effect<unknown, unknown> =>
      Effect.uninterruptible(
        Effect.zipRight(
          leaderYield,
          Effect.suspend(() => {
            const followers = waiting
            waiting = []
            return Effect.flatMap(runGroup([first, ...followers]), ([own, ...theirs]) =>
              Effect.zipRight(
                answer(followers, theirs),
                Effect.suspend(() => {
                  // The drain fibre would inherit the leader's uninterruptibility; closing the layer must stop it.
                  const drainLater = Effect.interruptible(Effect.zipRight(Effect.yieldNow(), drain))
                  if (waiting.length > 0) return Effect.as(Effect.forkIn(drainLater, scope), own!)
                  leading = false
                  return Effect.succeed(own!)
                })
              )
            )
          })
        )
      ).pipe(Effect.flatten)

    const joinGroup = (member: Member) =>
      Effect.suspend(() => {
        if (!leading) {
          leading = true
          return leadGroup(member)
        }
        waiting.push(member)
        return Deferred.await(member.done)
      })

    /**
     * A group of one, answered directly: what `runGroup` does for one member (its work, then its links, in one write
     * transaction; a failure rolls all of it back), with the SQL client and the links' buffer in one context change
     * instead of two, and no exits to collect.
     */
    const commitAlone = <A, E>(work: CommitWork<A, E>): Effect.Effect<A, E | SqlError> => {
      const links: Array<PendingLink> = []
      // One log, so no lock order to keep. A busy SQLite transaction is started again from the top: the buffer too.
      return writeTransaction(
        Effect.suspend(() => {
          links.length = 0
          return Effect.flatMap(work, (result) => Effect.as(writeLinks(key, links), result))
        })
      ).pipe(
        Effect.provide(Context.make(SqlClient.SqlClient, sql).pipe(Context.add(PendingLinks, links))),
        Effect.tap(() => options.onGroup?.(1))
      )
    }

    const groupCommit: GroupCommit = <A, E>(kind: CommitKind, work: CommitWork<A, E>) =>
      Effect.flatMap(Effect.serviceOption(SqlClient.TransactionConnection), (outer) => {
        if (closed) return Effect.fail(storeClosed())
        // Inside a caller's transaction the commit is part of it; it cannot wait for a group.
        if (Option.isSome(outer) || !grouped) return commitAlone(work)
        const member: Member = { kind, work, done: Deferred.unsafeMake<unknown, unknown>(FiberId.none) }
        return joinGroup(member) as Effect.Effect<A, E | SqlError>
      })
    return groupCommit
  })
