import { type Actor, type ChildId, type Deadline, Deadlines, formatInstant, type ReferralId, type Sitting, Sittings } from "@carepanel/core"
import { DateTime, Effect } from "effect"

/** One step of a sitting's record (CPR-11): the draft to the chair, the final record back, one child's upload. */
export interface RecordStep {
  readonly kind: "draft" | "final" | "upload"
  readonly label: string
  /** When the step was done, in words; undefined while it is still to do. */
  readonly doneAt: string | undefined
  /** The step's clock as the core computes it; none before the step before it is done, or where the policy sets none. */
  readonly clock: Deadline | undefined
  /** The step before, while it is not done. */
  readonly waitsFor?: string
  readonly childId?: ChildId
  readonly referralId?: ReferralId
}

/** The clock ids the core gives a sitting's record (stable across recomputation). */
const clockIds = (sitting: Sitting) => ({
  draft: `${sitting.id}:record-draft`,
  final: `${sitting.id}:record-final`,
  upload: (childId: string) => `${sitting.id}:upload:${childId}`
})

/** Draft -> chair -> final -> uploaded per child (every child on the agenda, under the first request naming them). */
export const recordSteps = (sitting: Sitting, clocks: ReadonlyMap<string, Deadline>): ReadonlyArray<RecordStep> => {
  const ids = clockIds(sitting)
  const { draftSentAt, finalAt, uploads } = sitting.record
  const children = new Map<ChildId, ReferralId>()
  for (const item of sitting.agenda) for (const childId of item.childIds) if (!children.has(childId)) children.set(childId, item.referralId)
  return [
    { kind: "draft", label: "Draft record to the chair", doneAt: draftSentAt && formatInstant(draftSentAt), clock: clocks.get(ids.draft) },
    {
      kind: "final",
      label: "Final record back from the chair",
      doneAt: finalAt && formatInstant(finalAt),
      clock: clocks.get(ids.final),
      ...(draftSentAt === undefined ? { waitsFor: "draft to the chair" } : {})
    },
    ...[...children].map(([childId, referralId]): RecordStep => {
      const upload = uploads.find((candidate) => candidate.childId === childId)
      return {
        kind: "upload",
        label: `Uploaded to ${childId}'s file`,
        doneAt: upload && formatInstant(upload.at),
        clock: clocks.get(ids.upload(childId)),
        ...(finalAt === undefined ? { waitsFor: "final record" } : {}),
        childId,
        referralId
      }
    })
  ]
}

/** How far the record has come, in one phrase: the first step still to do. */
export const recordStage = (steps: ReadonlyArray<RecordStep>): string => {
  const uploads = steps.filter((step) => step.kind === "upload")
  const uploaded = uploads.filter((step) => step.doneAt !== undefined).length
  if (steps[0]?.doneAt === undefined) return "to draft"
  if (steps[1]?.doneAt === undefined) return "with the chair"
  return uploaded === uploads.length ? `✓ uploaded (${uploaded} of ${uploads.length})` : `final · ${uploaded} of ${uploads.length} uploaded`
}

/**
 * The sittings whose record is under way or due: those that have begun, not cancelled, with business on them,
 * the latest first; each with its record's clocks (met ones too, to say when each step was done on time).
 */
export const sittingRecords = (actor: Actor) =>
  Effect.gen(function* () {
    const now = yield* DateTime.now
    const sittings = (yield* Effect.flatMap(Sittings, (use) => use.list(actor)))
      .filter((sitting) => sitting.cancelled === undefined && sitting.agenda.length > 0 && DateTime.lessThanOrEqualTo(sitting.startsAt, now))
      .reverse()
    const wanted = new Set(sittings.map((sitting) => sitting.id as string))
    const deadlines = yield* Effect.flatMap(Deadlines, (use) => use.forAuthority(actor, { includeMet: true }))
    const clocks = new Map(deadlines.filter((clock) => clock.about.kind === "sitting" && wanted.has(clock.about.id)).map((clock) => [clock.id, clock]))
    return sittings.map((sitting) => ({ sitting, steps: recordSteps(sitting, clocks) }))
  })
