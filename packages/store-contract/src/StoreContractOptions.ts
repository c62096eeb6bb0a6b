import type { AccessLog, EventStore, NotificationChannel, Outbox, ReadModelRow, ReadModels, RequestKeys } from "@carepanel/core"
import type { AuthorityId } from "@carepanel/core"
import type { Effect, Layer } from "effect"
import type { ChildProcess } from "node:child_process"

/** The ports every store adapter implements. */
export type StorePorts = EventStore | ReadModels | Outbox | RequestKeys

/** Builds a fresh, empty store each time it is called (a new file, a new database, a new map). */
export type MakeStoreLayer = () => Layer.Layer<StorePorts, unknown>

/** What a writer child process is asked to do: append `count` events to one stream, retrying conflicts. */
export interface WriterSpec {
  readonly authorityId: string
  readonly streamType: string
  readonly streamId: string
  /** A second stream each commit also writes to, in the same `appendAll` (the multi-record tests). */
  readonly pairedStreamId?: string
  /** Names the writer in the events' data, the acknowledgements and the notification ids. */
  readonly writer: string
  readonly count: number
  /**
   * Fibres appending at once inside the process, each as `<writer>.<n>` and each `count` times (default 1, as
   * `<writer>`): a store that groups concurrent commits then commits several in one transaction.
   */
  readonly fibres?: number
  /** Pause up to this many milliseconds (at random) between appends, as an app with other work would. */
  readonly pauseMs?: number
  /** Print `ready` once the store is open, then wait for a line `go` on stdin before the first append. */
  readonly waitForGo?: boolean
}

/** What a dispatcher child process is asked to do: run the outbox dispatcher with leases of `leaseMs`. */
export interface DispatcherSpec {
  readonly leaseMs: number
  /** The outbox channel it delivers. */
  readonly channel: NotificationChannel
}

/** A store several operating-system processes can open at once (a file, a database server). */
export interface SharedStore {
  /** Opens the store in this (the test) process; built again for each check, like a restart. */
  readonly layer: Layer.Layer<StorePorts, unknown>
  /**
   * Starts a child process that opens the same store and calls `runContractWriter(layer, spec)`, which
   * prints `ack <writer> <seq> <version>` on stdout after each acknowledged append. Spawn it with all
   * three stdio streams piped.
   */
  readonly spawnWriter: (spec: WriterSpec) => ChildProcess
  /**
   * Starts a child process that opens the same store and calls `runContractDispatcher(layer, spec)` (from
   * `@carepanel/store-contract/writer`), stdout piped. The leased-outbox tests are registered only when given.
   */
  readonly spawnDispatcher?: (spec: DispatcherSpec) => ChildProcess
  /** The adapter's own integrity check after a crash (a hash chain, say); rejects if it finds damage. */
  readonly verifyIntegrity?: () => Promise<void>
  readonly dispose?: () => Promise<void>
}

/** An adapter's own integrity check (a hash chain, say) on the services `I` its layer provides beside the ports; fails on damage. */
export interface StoreIntegrity<I> {
  /** What it checks, as the test name says it ("hash chain verifies"). */
  readonly name: string
  readonly check: Effect.Effect<void, unknown, I>
}

export interface StoreContractOptions<I = never> {
  /**
   * Read-model rows the store must refuse while writing a commit, after it has written the commit's
   * events (a row that breaks a database constraint, say). The suite always also tries a row whose `id`
   * throws when read, which fails any adapter mid-commit.
   */
  readonly failingRows?: ReadonlyArray<{ readonly name: string; readonly row: (authorityId: AuthorityId) => ReadModelRow }>
  /**
   * A fresh, empty access log (STAT-GDPR: who read which child's record), which the GraphQL app needs beside the store
   * ports. Its two tests are registered only when this is given.
   */
  readonly accessLog?: () => Layer.Layer<AccessLog, unknown>
  /** Crash and multi-process tests; left out for stores that live inside one process. Registered only when given. */
  readonly processes?: {
    readonly makeSharedStore: () => Promise<SharedStore>
    /** The shared store can `spawnDispatcher`: registers the leased-outbox tests with 4 dispatcher processes. */
    readonly dispatchers?: boolean
  }
  /**
   * The concurrent-command fuzz: random interleavings of the core's commands from several fibres, each run on a
   * fresh store (`store`, else the contract's), then its invariants and `integrity`. Runs: `CAREPANEL_FUZZ_RUNS`,
   * else `runs`, else 2.
   */
  readonly commandFuzz?: {
    readonly runs?: number
    readonly store?: () => Layer.Layer<StorePorts | I, unknown>
    readonly integrity?: StoreIntegrity<I>
  }
  /** fast-check runs of the test that sends mixes of good and failing commits at once; default 5. */
  readonly concurrentCommitRuns?: number
  /** fast-check runs of the model-based test; default 30. */
  readonly modelRuns?: number
  /**
   * A change sent with a request key (`RequestKeys.once`) that fails is rolled back with its claim, events and all
   * (default true). False for a store with no transaction around a whole use case (the in-memory one): the suite then
   * checks only that the key is left free.
   */
  readonly keyedChangesRollBack?: boolean
  /** Per-test timeout in milliseconds; default 60 000. */
  readonly timeoutMs?: number
}
