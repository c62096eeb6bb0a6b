import { DateTime, Effect, Layer } from "effect"
import type { Decision } from "../../src/decision/Decision.js"
import { decisionSheet } from "../../src/documents/decisionSheet.js"
import type { DocumentReader } from "../../src/documents/DocumentReader.js"
import type { MinutesInputs } from "../../src/documents/sittingMinutes.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { StreamRef } from "../../src/ports/EventStore.js"
import { type RecordSeal, RecordSeals } from "../../src/ports/RecordSeals.js"
import type { Role } from "../../src/shared/roles.js"
import { staffOf } from "../../src/testing/actors.js"
import { asOf, juneInputs } from "../reports/fixtures.js"

export const staff = staffOf("lincolnshire")

export const readerAs = (who: keyof typeof staff, identityGranted = false): DocumentReader => ({
  actor: staff[who],
  role: staff[who].roles[0] as Role,
  identityGranted
})

/** A Care Planning decision's sheet for child-1 as its chair reads it at `at`, without the request or sitting records. */
export const carePlanningSheetForChair = (decision: Decision, at: DateTime.Utc) =>
  decisionSheet({
    authorityName: "Fenmoor Borough Council",
    panelName: "Care Planning & Resources Panel",
    decision,
    childId: "child-1",
    referral: undefined,
    sitting: undefined,
    disagreements: [],
    deadlines: [],
    policy: preset("care-planning"),
    reader: readerAs("chair"),
    at
  })

/** The minutes of Lincolnshire's sitting on 9 June 2027 (four items, one dissent), read by `reader`. */
export const minutesOf9June = (reader: DocumentReader, change: (inputs: MinutesInputs) => MinutesInputs = (inputs) => inputs): MinutesInputs => {
  const june = juneInputs()
  const sitting = june.sittings.find((candidate) => candidate.id === "sit_9jun")!
  return change({
    authorityName: "Lincolnshire County Council",
    panelName: "Support Panel",
    sitting,
    decisions: june.decisions,
    disagreements: june.disagreements,
    referrals: june.referrals,
    deadlines: june.deadlines,
    policy: june.policy,
    reader,
    at: asOf
  })
}

export const afterHours = (hours: number) => DateTime.add(asOf, { hours })

/** A store that signs: each seal names the store "store-n", and the streams it was asked to seal are kept, in order. */
export const signingStore = () => {
  const sealed: Array<ReadonlyArray<StreamRef>> = []
  const layer = Layer.succeed(RecordSeals, {
    seal: (_authorityId, _childId, streams) =>
      Effect.sync(() => {
        sealed.push(streams)
        return {
          storeId: "store-n",
          checkpoint: { v: 2, at: "2027-06-01T08:00:00.000Z", events: { position: 1, head: "h" }, access: { seq: 0, head: "" }, keyId: "k", signature: "s" },
          commits: [],
          records: [],
          keyId: "k",
          signature: "s"
        } satisfies RecordSeal
      })
  })
  return { sealed, layer }
}
