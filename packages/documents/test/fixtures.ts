import { Documents, type PresetSlug, preset } from "@carepanel/core"
import { InMemoryAccessLog, inMemoryCore, playWeek, staffOf } from "@carepanel/core/testing"
import { Effect, Layer } from "effect"

/** A week of the preset's panel played through the core, then the sitting's minutes and the first decision's sheet. */
export const playedDocuments = (slug: PresetSlug) => {
  const policy = preset(slug)
  const staff = staffOf(policy.authority.id)
  return Effect.gen(function* () {
    const week = yield* playWeek(policy)
    const documents = yield* Documents
    const decision = week.decisions[0]!
    const minutes = yield* documents.minutes({ actor: staff.chair, identityGranted: false, purpose: "test" }, week.sitting.id)
    const sheet = yield* documents.decisionSheet({ actor: staff.socialWorker, identityGranted: false, purpose: "test" }, decision.id, decision.subject.childIds[0])
    return { policy, week, minutes, sheet }
  }).pipe(Effect.provide(Documents.Default.pipe(Layer.provideMerge(inMemoryCore(policy)), Layer.provideMerge(InMemoryAccessLog))))
}
