import { type AuthorityPolicy, Deadlines, EnglandAndWalesCalendar, Referrals, Sittings } from "@carepanel/core"
import { SequentialIds, staticPolicies } from "@carepanel/core/testing"
import { Layer } from "effect"
import type { StoreLayer } from "../../src/StoreServices.js"

/** The use cases the API answers these reads with, over a store, for the authorities given. */
export const coreOn = (store: StoreLayer, policies: ReadonlyArray<AuthorityPolicy>) =>
  Layer.mergeAll(Referrals.Default, Deadlines.Default).pipe(
    Layer.provideMerge(Sittings.Default),
    Layer.provideMerge(Layer.mergeAll(store, SequentialIds, staticPolicies(...policies), EnglandAndWalesCalendar))
  )
