import { DateTime } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { Deadline } from "../deadlines/Deadline.js"
import type { Decision } from "../decision/Decision.js"
import type { Disagreement } from "../disagreement/Disagreement.js"
import { outcomeWord } from "../notifications/decisionText.js"
import { requestTypeLabel } from "../policy/RequestType.js"
import { type StoredEvent, streamIdOf } from "../ports/EventStore.js"
import type { Referral } from "../referral/Referral.js"
import type { Placement } from "../regulation24/Placement.js"
import { clocksTable, decisionBlocks, dissentBlocks } from "./decisionBlocks.js"
import { amendmentBlock, signatureBlocks } from "./decisionSheet.js"
import { type DocumentModel, fields, paragraph, type Section, table } from "./DocumentModel.js"
import { childNaming, type DocumentReader, preparedFor } from "./DocumentReader.js"

/** One event as the bundle carries it: enough to recompute its hash and its link to the event before it. */
export interface BundleEvent {
  readonly position: number
  readonly streamId: string
  readonly version: number
  readonly type: string
  readonly recordedAt: string
  readonly data: unknown
  readonly hash: string
}

/** The machine-readable half of a bundle, checked offline by `carepanel-bundle-check`. */
export interface BundleManifest {
  readonly format: "carepanel-court-bundle/1"
  readonly authorityId: string
  readonly childId: string
  readonly generatedAt: string
  /** Every event of every record about the child, each stream whole from version 1, in position order. */
  readonly events: ReadonlyArray<BundleEvent>
}

export interface CourtBundleInputs {
  readonly authorityName: string
  readonly childId: string
  readonly referrals: ReadonlyArray<Referral>
  readonly decisions: ReadonlyArray<Decision>
  readonly disagreements: ReadonlyArray<Disagreement>
  readonly placements: ReadonlyArray<Placement>
  readonly deadlines: ReadonlyArray<Deadline>
  readonly events: ReadonlyArray<StoredEvent>
  readonly reader: DocumentReader
  readonly at: DateTime.Utc
}

const words = (type: string) => type.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/^./, (first) => first.toUpperCase()).replace(/ ([A-Z])/g, (_, letter: string) => ` ${letter.toLowerCase()}`)
const byOf = (data: unknown): string => {
  const by = (data as { by?: { name?: string; role?: string } } | null)?.by
  return by?.name === undefined ? "" : `${by.name} (${(by.role ?? "").replace(/_/g, " ")})`
}

const placementSection = (placement: Placement): Section => ({
  heading: `Placement ${placement.id} (Regulation 24)`,
  blocks: [
    fields([
      ["Status", placement.status.replace(/_/g, " ")],
      ["Placed", placement.placement === undefined ? undefined : formatInstant(placement.placement.placedAt)],
      ["Authorised", placement.authorisation === undefined ? undefined : `${placement.authorisation.by.name}, ${formatInstant(placement.authorisation.at)}`],
      ["Temporary approval", placement.approval === undefined ? undefined : `from ${formatInstant(placement.approval.startsAt)} to ${formatInstant(placement.approval.originalExpiresAt)}`],
      ["Extension", placement.approval?.extension === undefined ? undefined : `${placement.approval.extension.weeks} weeks, by ${placement.approval.extension.by.name}, ${formatInstant(placement.approval.extension.at)}`],
      ["Ended", placement.ended === undefined ? undefined : `${placement.ended.reason.replace(/_/g, " ")}, ${formatInstant(placement.ended.at)}`]
    ])
  ]
})

/**
 * A court bundle for one child (NSO-8): every request, decision (with sign-offs and amendments), dissent, placement
 * and extension, and every statutory clock (met, missed, how), then an integrity appendix listing each event's
 * position and chained hash. The manifest carries the events themselves, for the offline re-check.
 */
export const courtBundle = (inputs: CourtBundleInputs): { readonly document: DocumentModel; readonly manifest: BundleManifest } => {
  const naming = childNaming(inputs.reader, inputs.referrals)
  const events = [...inputs.events].sort((a, b) => a.position - b.position)
  const recordIds = new Set<string>([...inputs.referrals, ...inputs.decisions, ...inputs.disagreements, ...inputs.placements].map((record) => record.id))
  const actionIds = new Set<string>(inputs.decisions.flatMap((decision) => decision.content.actions.map((action) => action.actionId)))
  const clocks = inputs.deadlines.filter((deadline) => recordIds.has(deadline.about.id) || (deadline.about.kind === "action" && actionIds.has(deadline.about.id)))
  const chronological = [...inputs.decisions].sort((a, b) => DateTime.distance(b.heardAt, a.heardAt))
  const document: DocumentModel = {
    kind: "court_bundle",
    title: `Court bundle: ${naming.label(inputs.childId)}`,
    subtitle: `${inputs.authorityName}. ${inputs.referrals.length} request(s), ${inputs.decisions.length} decision(s), ${inputs.placements.length} placement(s), ${events.length} recorded events.`,
    stage: "final",
    generatedAt: DateTime.formatIso(inputs.at),
    preparedFor: preparedFor(inputs.reader),
    sections: [
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
          blocks: [...decisionBlocks(decision, naming), ...signatureBlocks(decision), amendmentBlock(decision, naming)]
        }))
      },
      { heading: "Dissent", blocks: inputs.disagreements.length === 0 ? [paragraph("No member dissented.")] : dissentBlocks(inputs.disagreements, naming) },
      { heading: "Placements and extensions", blocks: inputs.placements.length === 0 ? [paragraph("No Regulation 24 placement.")] : [], subsections: inputs.placements.map(placementSection) },
      { heading: "Statutory clocks", blocks: [clocksTable("Every clock, met, missed or running, with its rule", clocks)] },
      {
        heading: "Integrity appendix",
        blocks: [
          paragraph(
            "Each event's hash is SHA-256 over the hash of the event before it in the same record and the event itself " +
              "(record, version, type, data as canonical JSON, time recorded). Changing, removing or reordering any event breaks every hash after it. " +
              "`carepanel-bundle-check` recomputes them offline from this bundle's manifest and names the first that does not match."
          ),
          paragraph(
            "Signed checkpoint: not yet issued by this authority. When checkpoints are signed, this appendix will also carry the checkpoint " +
              "covering the last position listed, signed with the authority's key, and the re-check will verify that signature against the authority's public key."
          ),
          table("Events, their positions and hashes", ["Position", "Record", "Version", "Event", "Hash"], events.map((event) => [String(event.position), streamIdOf(event.stream), String(event.version), event.type, event.hash]))
        ]
      }
    ],
    reads: [{ childId: inputs.childId, fields: ["fullName", "requests", "decisions", "amendments", "dissent", "placements", "clocks", "events"] }]
  }
  const manifest: BundleManifest = {
    format: "carepanel-court-bundle/1",
    authorityId: inputs.reader.actor.authorityId,
    childId: inputs.childId,
    generatedAt: document.generatedAt,
    events: events.map((event) => ({ position: event.position, streamId: streamIdOf(event.stream), version: event.version, type: event.type, recordedAt: event.recordedAt, data: event.data, hash: event.hash }))
  }
  return { document, manifest }
}
