import { DateTime } from "effect"
import { formatDate, formatInstant } from "../calendar/format.js"
import { londonTimeOf } from "../calendar/londonTime.js"
import type { Deadline } from "../deadlines/Deadline.js"
import type { Decision } from "../decision/Decision.js"
import type { Disagreement } from "../disagreement/Disagreement.js"
import type { CitingPolicy } from "../policy/citation.js"
import type { Referral } from "../referral/Referral.js"
import type { Sitting } from "../sitting/Sitting.js"
import { standsInForName } from "../sitting/deputies.js"
import { coverOf } from "../sitting/cover.js"
import { representedNames } from "../sitting/representatives.js"
import type { Attendance } from "../sitting/SittingEvents.js"
import { andList } from "../shared/wordList.js"
import { clocksTable, decisionBlocks, discussionSection, dissentBlocks } from "./decisionBlocks.js"
import { type DocumentModel, fields, paragraph, type RecordStage, type Section, table, watermarkOf } from "./DocumentModel.js"
import { type ChildNaming, childNaming, type DocumentReader, preparedFor } from "./DocumentReader.js"

export interface MinutesInputs {
  readonly authorityName: string
  readonly panelName: string
  readonly sitting: Sitting
  /** The decisions made at the sitting; others are ignored. */
  readonly decisions: ReadonlyArray<Decision>
  readonly disagreements: ReadonlyArray<Disagreement>
  /** The requests on the agenda: the children's names, and what was asked. */
  readonly referrals: ReadonlyArray<Referral>
  /** The clocks as of `at`; the sitting's own (the record's turnaround, CPR-11) are shown. */
  readonly deadlines: ReadonlyArray<Deadline>
  /** The authority's policy, whose own rules (`BRK-4`) the document cites with their words and source. */
  readonly policy: CitingPolicy
  readonly reader: DocumentReader
  readonly at: DateTime.Utc
}

/** The record's stage from the sitting's record (CPR-11): final once returned by the chair. */
export const recordStage = (sitting: Sitting): RecordStage =>
  sitting.record.finalAt !== undefined ? "final" : sitting.record.draftSentAt !== undefined ? "with_chair" : "draft"

const stageLine = (sitting: Sitting): string =>
  sitting.record.finalAt !== undefined
    ? `Final record, returned by the chair ${formatInstant(sitting.record.finalAt)}`
    : sitting.record.draftSentAt !== undefined
      ? `Draft record, sent to the chair ${formatInstant(sitting.record.draftSentAt)}`
      : "Draft record, not yet sent to the chair"

/** Whom a deputy stands in for: the member as recorded on the attendance when linked to them, else the name given. */
const standsInFor = (entry: Attendance, attendance: ReadonlyArray<Attendance>) => standsInForName(entry, attendance) ?? "a member"

/** Whom a member present also represents (KNO-2), as recorded on the attendance: "Amira Patel and Ben Morrow". */
const represents = (entry: Attendance, attendance: ReadonlyArray<Attendance>) => andList(representedNames(entry, attendance))

/** A member away and who covered their seat, linked by person: "apologies, Rhys Tan as deputy", "apologies, represented by Jo Pellow". */
const awayWord = (entry: Attendance, attendance: ReadonlyArray<Attendance>, word: string): string => {
  const cover = coverOf(entry.personId, attendance, entry.personId)
  return cover === undefined ? word : `${word}, ${cover.status === "deputy" ? `${cover.name} as deputy` : `represented by ${cover.name}`}`
}

const attendanceWord = (entry: Attendance, attendance: ReadonlyArray<Attendance>): string =>
  entry.status === "deputy"
    ? `deputy for ${standsInFor(entry, attendance)}`
    : entry.status === "confirmed"
      ? awayWord(entry, attendance, "confirmed in advance")
      : entry.status === "present" && (entry.represents ?? []).length > 0
        ? `present, also representing ${represents(entry, attendance)}`
        : entry.status === "apologies"
          ? awayWord(entry, attendance, "apologies")
          : entry.status

const names = (entries: ReadonlyArray<Attendance>, show: (entry: Attendance) => string = (entry) => entry.name) =>
  entries.length === 0 ? "none" : entries.map(show).join("; ")

/** NSO-1: enough or not; too few part-way keeps the decisions made before (`quorum.decided`). */
const quorumFinding = (quorum: NonNullable<Sitting["quorum"]>) => {
  if (quorum.enough) return "enough members present to proceed"
  const decided = quorum.decided?.length ?? 0
  if (decided === 0) return "not enough members present to proceed"
  const at = quorum.at === undefined ? "" : ` at ${formatInstant(quorum.at)}`
  return `too few members remaining to go on${at}, after ${decided} request${decided === 1 ? " was" : "s were"} decided (those decisions stand; the rest were not heard)`
}

const attendanceSection = (sitting: Sitting, naming: ChildNaming): Section => {
  const by = (status: Attendance["status"]) => sitting.attendance.filter((entry) => entry.status === status)
  const representatives = by("present").filter((entry) => (entry.represents ?? []).length > 0)
  const quorum = sitting.quorum
  return {
    heading: "Attendance",
    blocks: [
      sitting.attendance.length === 0
        ? paragraph("No attendance was recorded.")
        : table("Members and attendance", ["Name", "Seat", "Attendance"], sitting.attendance.map((entry) => [entry.name, entry.seat, attendanceWord(entry, sitting.attendance)])),
      fields([
        ["Apologies", names(by("apologies"))],
        ["Deputies", names(by("deputy"), (entry) => `${entry.name} for ${standsInFor(entry, sitting.attendance)}`)],
        // Only where a member represented another: earlier minutes read as they did.
        ["Representatives", representatives.length === 0 ? undefined : names(representatives, (entry) => `${entry.name} for ${represents(entry, sitting.attendance)}`)],
        ["Observers", names(by("observer"))]
      ]),
      paragraph(
        quorum === undefined
          ? "The chair's decision on quorum was not recorded."
          : `${quorum.by.name} (chair) found ${quorumFinding(quorum)}${quorum.note.trim() === "" ? "" : `: ${naming.text(quorum.note)}`}.`
      )
    ]
  }
}

/**
 * The minutes of a sitting (CPR-10, CPR-11, LIN-5, NSO-8): attendance and quorum, then each agenda item in order
 * with what was presented and discussed, the decision and its rationale, actions, review date and dissent.
 * Watermarked until the chair returns the final record.
 */
export const sittingMinutes = (inputs: MinutesInputs): DocumentModel => {
  const { sitting, reader } = inputs
  const naming = childNaming(reader, inputs.referrals)
  const stage = recordStage(sitting)
  const watermark = watermarkOf(stage)
  const decisionOf = (referralId: string) => inputs.decisions.find((decision) => decision.sittingId === sitting.id && decision.subject.referralId === referralId)

  const items: ReadonlyArray<Section> = sitting.agenda.map((item, index) => {
    const decision = decisionOf(item.referralId)
    const referral = inputs.referrals.find((candidate) => candidate.id === item.referralId)
    const dissent = decision === undefined ? [] : inputs.disagreements.filter((disagreement) => disagreement.decisionId === decision.id)
    return {
      heading: `Item ${index + 1}, ${londonTimeOf(item.startsAt)}-${londonTimeOf(item.endsAt)}: ${naming.text(item.summary)}`,
      blocks: [
        fields([
          ["Children", item.childIds.map(naming.label).join("; ")],
          ["Request", `${item.referralId} (${item.kind})`],
          ["Asked", referral?.form.request === undefined ? undefined : naming.text(referral.form.request)],
          ["Presented by", referral?.form.socialWorker.name]
        ])
      ],
      subsections: [
        discussionSection(decision, naming),
        { heading: "Decision", blocks: decision === undefined ? [paragraph("No decision was recorded on this item.")] : decisionBlocks(decision, naming, inputs.policy) },
        { heading: "Dissent", blocks: dissent.length === 0 ? [paragraph("No member dissented.")] : dissentBlocks(dissent, naming, inputs.policy) }
      ]
    }
  })

  const childIds = [...new Set(sitting.agenda.flatMap((item) => item.childIds as ReadonlyArray<string>))]
  const fieldsRead = ["agendaItem", "decision", "rationale", "minutes", "highlights", "actions", "dissent", ...(naming.identity ? ["fullName"] : [])]
  return {
    kind: "minutes",
    title: `Minutes: ${inputs.panelName}, ${formatDate(sitting.date)}`,
    subtitle: `${inputs.authorityName}. ${stageLine(sitting)}.`,
    stage,
    ...(watermark === undefined ? {} : { watermark }),
    generatedAt: DateTime.formatIso(inputs.at),
    preparedFor: preparedFor(reader),
    sections: [
      {
        heading: "The sitting",
        blocks: [
          fields([
            ["Panel", inputs.panelName],
            ["Date", formatDate(sitting.date)],
            ["Time", `${londonTimeOf(sitting.startsAt)}-${londonTimeOf(sitting.endsAt)}`],
            ["Cancelled", sitting.cancelled === undefined ? undefined : naming.text(sitting.cancelled.reason)],
            ["Record", stageLine(sitting)]
          ])
        ]
      },
      attendanceSection(sitting, naming),
      { heading: "Items", blocks: items.length === 0 ? [paragraph("Nothing was on the agenda.")] : [], subsections: items },
      {
        heading: "The record's clocks",
        blocks: [clocksTable("The record and papers", inputs.deadlines.filter((deadline) => deadline.about.kind === "sitting" && deadline.about.id === sitting.id), naming)]
      }
    ],
    reads: childIds.map((childId) => ({ childId, fields: fieldsRead }))
  }
}
