import type { Actor } from "@carepanel/core"
import type { Effect } from "effect"
import type { AppServices } from "../app/appLayer.js"
import type { Caller } from "../auth/claims.js"
import type { AppChangeFeed } from "../subscriptions/changeFeed.js"
import type { AppPubSub } from "../subscriptions/pubsub.js"
import type { AccessTracker } from "./accessTracker.js"
import type { RequestKey } from "./requestKey.js"

/** Runs one effect of the request on the app's runtime; a domain refusal is thrown as itself, anything else masked. */
export type Runner = <A, E>(effect: Effect.Effect<A, E, AppServices>) => Promise<A>

/** What the HTTP layer hands to yoga with each request: the verified caller. */
export interface ServerContext {
  readonly caller: Caller
}

/** What every resolver sees. */
export interface GraphQLContext extends ServerContext {
  readonly actor: Actor
  readonly run: Runner
  readonly access: AccessTracker
  readonly pubsub: AppPubSub
  readonly feed: AppChangeFeed
  /** The request's `Idempotency-Key`, if it came with one (see keyedChange.ts). */
  readonly requestKey: RequestKey
}
