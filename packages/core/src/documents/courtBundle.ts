import { DateTime } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { ChildRecord } from "../childRecord/ChildRecord.js"
import type { Deadline } from "../deadlines/Deadline.js"
import type { Decision } from "../decision/Decision.js"
import type { Disagreement } from "../disagreement/Disagreement.js"
import { outcomeWord } from "../notifications/decisionText.js"
import type { CitingPolicy } from "../policy/citation.js"
import { requestTypeLabel } from "../policy/RequestType.js"
import { type StoredEvent, streamIdOf } from "../ports/EventStore.js"
import type { RecordSeal } from "../ports/RecordSeals.js"
import type { Referral } from "../referral/Referral.js"
import { type Placement, placementEndedAt, policeProtectionOutcomeLabel, type ReviewOutcome, s20ConsentWithdrawnAt } from "../regulation24/Placement.js"
import { childIdentitySection } from "./childIdentity.js"
import { clocksTable, decisionBlocks, dissentBlocks } from "./decisionBlocks.js"
import { amendmentBlock, signatureBlocks } from "./decisionSheet.js"
import { type Block, type DocumentModel, fields, paragraph, type Section, table } from "./DocumentModel.js"
import { childNaming, type DocumentReader, preparedFor } from "./DocumentReader.js"
import { statutoryRecordFields, statutoryRecordSection } from "./statutoryRecord.js"

/** One event as the bundle carries it: enough to recompute its hash, its link to the event before it, and its signed commit. */
export interface BundleEvent {
  readonly position: number
  readonly streamId: string
  readonly streamType: string
  readonly recordId: string
  readonly version: number
  readonly type: string
  readonly recordedAt: string
  readonly data: unknown
  readonly hash: string
}

/** The machine-readable half of a bundle, checked offline by `carepanel-bundle-check`. */
export interface BundleManifest {
  readonly format: "carepanel-court-bundle/2"
  readonly authorityId: string
  readonly childId: string
  readonly generatedAt: string
  /** Every event of every record about the child, each stream whole from version 1, in position order. */
  readonly events: ReadonlyArray<BundleEvent>
  /** The signed checkpoint and what links each event to it; absent when the store signs nothing. */
  readonly integrity: RecordSeal | undefined
}

export interface CourtBundleInputs {
  readonly authorityName: string
  readonly childId: string
  readonly referrals: ReadonlyArray<Referral>
  readonly decisions: ReadonlyArray<Decision>
  readonly disagreements: ReadonlyArray<Disagreement>
  readonly placements: ReadonlyArray<Placement>
  /** The child's statutory record (legal statuses, looked-after periods, reviews, orders...), if one is kept. */
  readonly childRecord: ChildRecord | undefined
  readonly deadlines: ReadonlyArray<Deadline>
  readonly events: ReadonlyArray<StoredEvent>
  /** The store's seal of the child's records at a checkpoint taken before `events` were read. */
  readonly seal: RecordSeal | undefined
  /** The authority's policy, whose own rules (`BRK-4`) the document cites with their words and source. */
  readonly policy: CitingPolicy
  readonly reader: DocumentReader
  readonly at: DateTime.Utc
}

const words = (type: string) => type.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/^./, (first) => first.toUpperCase()).replace(/ ([A-Z])/g, (_, letter: string) => ` ${letter.toLowerCase()}`)
const byOf = (data: unknown): string => {
  const by = (data as { by?: { name?: string; role?: string } } | null)?.by
  if (by?.name === undefined) return ""
  return by.role === undefined ? by.name : `${by.name} (${by.role.replace(/_/g, " ")})`
}

const reviewOutcomeLine = (outcome: ReviewOutcome | undefined) =>
  outcome === undefined
    ? undefined
    : `${outcome.carersApproved ? "the carers were approved as foster carers" : "the carers were not approved: the temporary approval ended"} (STAT-R25-2), known ${formatInstant(outcome.knownAt)}, recorded by ${outcome.by.name}, ${formatInstant(outcome.at)}`

/** When the child left, and when that was recorded if later (a placement ended after the fact). */
const endedLine = (placement: Placement): string | undefined => {
  const { ended } = placement
  if (ended === undefined) return undefined
  const left = placementEndedAt(placement)!
  const recordedLater = DateTime.Equivalence(left, ended.at) ? "" : `, recorded ${formatInstant(ended.at)}`
  return `${ended.reason.replace(/_/g, " ")}, ${formatInstant(left)}${recordedLater}`
}

/** STAT-S46: police protection under the placement, since when, and how it ended (or that it has not). */
const policeProtectionLine = (placement: Placement): string | undefined => {
  const powers = placement.policePowers
  if (powers?.underPoliceProtection !== true) return undefined
  const since = powers.since === undefined ? `recorded ${formatInstant(powers.at)}` : `from ${formatInstant(powers.since)}`
  const ended = placement.policeProtectionEnded
  return ended === undefined
    ? `${since}, not ended (STAT-S46)`
    : `${since}; ended ${formatInstant(ended.endedAt)}: ${policeProtectionOutcomeLabel[ended.outcome]} (STAT-S46), recorded by ${ended.by.name}`
}

/** STAT-S20-CONSENT: whose consent, recorded when and by whom, and its withdrawal (s20(8)). */
const s20Line = (placement: Placement): string | undefined => {
  const s20 = placement.s20Accommodation
  if (s20 === undefined) return undefined
  const consents = s20.consents.map((consent) => `${consent.name} (${consent.relationship}, given ${formatInstant(consent.consentGivenAt)})`).join(", ")
  const withdrawnAt = s20ConsentWithdrawnAt(placement)
  const withdrawn =
    s20.withdrawn === undefined || withdrawnAt === undefined
      ? ""
      : `; consent withdrawn by ${s20.withdrawn.withdrawnBy}, ${formatInstant(withdrawnAt)}${DateTime.Equivalence(withdrawnAt, s20.withdrawn.at) ? "" : `, recorded ${formatInstant(s20.withdrawn.at)}`} by ${s20.withdrawn.by.name}`
  return `with the consent of ${consents}, recorded ${formatInstant(s20.at)} by ${s20.by.name}${withdrawn} (STAT-S20-CONSENT)`
}

const placementSection = (placement: Placement): Section => ({
  heading: `Placement ${placement.id} (Regulation 24)`,
  blocks: [
    fields([
      ["Status", placement.status.replace(/_/g, " ")],
      ["Police protection", policeProtectionLine(placement)],
      ["Accommodated under s20", s20Line(placement)],
      ["Placed", placement.placement === undefined ? undefined : formatInstant(placement.placement.placedAt)],
      ["Authorised", placement.authorisation === undefined ? undefined : `${placement.authorisation.by.name}, ${formatInstant(placement.authorisation.at)}`],
      ["Temporary approval", placement.approval === undefined ? undefined : `from ${formatInstant(placement.approval.startsAt)} to ${formatInstant(placement.approval.originalExpiresAt)}`],
      ["Extension", placement.approval?.extension === undefined ? undefined : `${placement.approval.extension.weeks} weeks, by ${placement.approval.extension.by.name}, ${formatInstant(placement.approval.extension.at)}`],
      [
        "Extended pending review",
        placement.approval?.pendingReview === undefined
          ? undefined
          : `until the independent review's outcome is known (STAT-R25-2), by ${placement.approval.pendingReview.by.name}, ${formatInstant(placement.approval.pendingReview.at)}`
      ],
      ["Independent review's outcome", reviewOutcomeLine(placement.approval?.pendingReview?.outcome)],
      ["Ended", endedLine(placement)]
    ])
  ]
})

const checkedBy =
  "`carepanel-bundle-check <bundle.json> <authority-public-key.pem>` re-checks all of it offline from this bundle's manifest, " +
  "against the authority's public key, and names the first thing that does not match."

/** The appendix: how the events are chained and signed, the checkpoint that covers them, each event's position and hash. */
const integrityBlocks = (seal: RecordSeal | undefined, events: ReadonlyArray<StoredEvent>): ReadonlyArray<Block> => {
  const covered = seal === undefined ? 0 : events.filter((event) => event.position <= seal.checkpoint.events.position).length
  return [
    paragraph(
      "Each event's hash is SHA-256 over the hash of the event before it in the same record and the event itself " +
        "(record, version, type, data as canonical JSON, time recorded). Changing, removing or reordering any event breaks every hash after it."
    ),
    ...(seal === undefined
      ? [paragraph("Signed checkpoint: none. This record is kept by a store that does not sign its commits, so the bundle cannot be re-checked against the authority's key.")]
      : [
          paragraph(
            "Every commit of the authority's store is chained to the commit before it and signed (Ed25519) with the authority's key when it is recorded. " +
              `The bundle carries the signed commit of each of these events, and the checkpoint below, signed with the same key, which covers the store up to position ${seal.checkpoint.events.position}; ` +
              "with it, the list of the child's records and the last version of each at the checkpoint, signed too, so that a record or its last events cannot be left out unseen. " +
              checkedBy
          ),
          fields([
            ["Signed checkpoint: store", seal.checkpoint.storeId ?? seal.storeId],
            ["Position", String(seal.checkpoint.events.position)],
            ["Chain head", seal.checkpoint.events.head],
            ["Time", seal.checkpoint.at],
            ["Key id", seal.checkpoint.keyId],
            ["Signature", seal.checkpoint.signature],
            ["Covers", `${covered} of the ${events.length} events below, in ${seal.commits.length} signed commits`]
          ])
        ]),
    table("Events, their positions and hashes", ["Position", "Record", "Version", "Event", "Hash"], events.map((event) => [String(event.position), streamIdOf(event.stream), String(event.version), event.type, event.hash]))
  ]
}

/**
 * A court bundle for one child (NSO-8): every request, decision (with sign-offs and amendments), dissent, placement
 * and extension, the child's statutory record, and every statutory clock (met, missed, how), then an integrity
 * appendix listing each event's position and chained hash. The manifest carries the events themselves, for the
 * offline re-check.
 */
export const courtBundle = (inputs: CourtBundleInputs): { readonly document: DocumentModel; readonly manifest: BundleManifest } => {
  const naming = childNaming(inputs.reader, inputs.referrals)
  const events = [...inputs.events].sort((a, b) => a.position - b.position)
  const recordIds = new Set<string>([...inputs.referrals, ...inputs.decisions, ...inputs.disagreements, ...inputs.placements].map((record) => record.id))
  const actionIds = new Set<string>(inputs.decisions.flatMap((decision) => decision.content.actions.map((action) => action.actionId)))
  const clocks = inputs.deadlines.filter(
    (deadline) =>
      recordIds.has(deadline.about.id) ||
      (deadline.about.kind === "action" && actionIds.has(deadline.about.id)) ||
      (deadline.about.kind === "child" && deadline.about.id === inputs.childId)
  )
  const identity = childIdentitySection(inputs.childId, inputs.referrals, inputs.childRecord, naming)
  const chronological = [...inputs.decisions].sort((a, b) => DateTime.distance(b.heardAt, a.heardAt))
  const document: DocumentModel = {
    kind: "court_bundle",
    title: `Court bundle: ${naming.label(inputs.childId)}`,
    subtitle: `${inputs.authorityName}. ${inputs.referrals.length} request(s), ${inputs.decisions.length} decision(s), ${inputs.placements.length} placement(s), ${events.length} recorded events.`,
    stage: "final",
    generatedAt: DateTime.formatIso(inputs.at),
    preparedFor: preparedFor(inputs.reader),
    sections: [
      identity.section,
      {
        heading: "Chronology",
        blocks: [table("Every recorded event, in order", ["Position", "Recorded", "Record", "What", "By"], events.map((event) => [String(event.position), formatInstant(DateTime.unsafeMake(event.recordedAt)), `${event.stream.streamType} ${event.stream.id}`, words(event.type), byOf(event.data)]))]
      },
      {
        heading: "Requests",
        blocks: [
          table(
            "Requests",
            ["Request", "Submitted", "Asked for", "Status", "Hearings"],
            inputs.referrals.map((referral) => [
              referral.id,
              referral.submittedAt === undefined ? "not submitted" : formatInstant(referral.submittedAt),
              referral.form.requestTypes.map((type) => requestTypeLabel[type]).join("; "),
              referral.status,
              referral.hearings.map((hearing) => `${outcomeWord[hearing.outcome]} ${formatInstant(hearing.at)}`).join("; ")
            ])
          )
        ]
      },
      {
        heading: "Decisions",
        blocks: chronological.length === 0 ? [paragraph("No decision was recorded.")] : [],
        subsections: chronological.map((decision) => ({
          heading: `Decision ${decision.id}: ${outcomeWord[decision.content.outcome]}, ${formatInstant(decision.heardAt)}`,
          blocks: [...decisionBlocks(decision, naming, inputs.policy), ...signatureBlocks(decision, naming, inputs.policy), amendmentBlock(decision, naming)]
        }))
      },
      { heading: "Dissent", blocks: inputs.disagreements.length === 0 ? [paragraph("No member dissented.")] : dissentBlocks(inputs.disagreements, naming, inputs.policy) },
      { heading: "Placements and extensions", blocks: inputs.placements.length === 0 ? [paragraph("No Regulation 24 placement.")] : [], subsections: inputs.placements.map(placementSection) },
      statutoryRecordSection(inputs.childRecord, naming),
      { heading: "Statutory clocks", blocks: [clocksTable("Every clock, met, missed or running, with its rule", clocks, naming)] },
      { heading: "Integrity appendix", blocks: integrityBlocks(inputs.seal, events) }
    ],
    reads: [{ childId: inputs.childId, fields: ["fullName", ...identity.fields, "requests", "decisions", "amendments", "dissent", "placements", ...(inputs.childRecord === undefined ? [] : statutoryRecordFields), "clocks", "events"] }]
  }
  const manifest: BundleManifest = {
    format: "carepanel-court-bundle/2",
    authorityId: inputs.reader.actor.authorityId,
    childId: inputs.childId,
    generatedAt: document.generatedAt,
    events: events.map((event) => ({
      position: event.position,
      streamId: streamIdOf(event.stream),
      streamType: event.stream.streamType,
      recordId: event.stream.id,
      version: event.version,
      type: event.type,
      recordedAt: event.recordedAt,
      data: event.data,
      hash: event.hash
    })),
    integrity: inputs.seal
  }
  return { document, manifest }
}
