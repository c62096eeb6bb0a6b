import { Layer } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { Disagreements } from "../../src/disagreement/Disagreements.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import type { Actor } from "../../src/shared/actor.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"

/** Two authorities (the Support panels, Lincolnshire) on one in-memory store, so tenancy is tested against real rows of the other. */
export const twoAuthoritiesCore = Layer.mergeAll(Referrals.Default, Decisions.Default, Disagreements.Default, Deadlines.Default).pipe(
  Layer.provideMerge(Sittings.Default),
  Layer.provideMerge(
    Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(preset("support-panels"), preset("lincolnshire")), EnglandAndWalesCalendar)
  )
)

export const sup = staffOf("support-panels")
export const lin = staffOf("lincolnshire")
export const party = (actor: Actor) => ({ personId: actor.personId, name: actor.name })
