import { DateTime } from "effect"
import { formatDate, formatInstant } from "../calendar/format.js"
import type { ChildRecord } from "../childRecord/ChildRecord.js"
import { epoEndsAt, epoOutcomeLabel } from "../childRecord/EmergencyProtectionOrder.js"
import { type LegalStatus, legalStatusLabel } from "../childRecord/LegalStatus.js"
import { describeRoute, type LookedAfterPeriod } from "../childRecord/LookedAfter.js"
import { describeEntry, withdrawableRule } from "../childRecord/WithdrawableEntry.js"
import type { ActedBy } from "../shared/actor.js"
import { type Block, fields, paragraph, type Section, table } from "./DocumentModel.js"
import type { ChildNaming } from "./DocumentReader.js"

/** The fields of the child's record a bundle shows, for the access log. */
export const statutoryRecordFields = ["legalStatuses", "lookedAfter", "emergencyProtectionOrders", "secureAccommodation", "proceedings", "diedOn", "withdrawals"] as const

const recordedBy = (entry: { readonly by: ActedBy; readonly at: DateTime.Utc }) => `${entry.by.name}, ${formatInstant(entry.at)}`

/** The period a status falls in: begun by its start, not ended by then. */
const periodOf = (periods: ReadonlyArray<LookedAfterPeriod>, from: DateTime.Utc) =>
  periods.find((period) => !DateTime.lessThan(from, period.from) && (period.ended === undefined || DateTime.lessThan(from, period.ended.endedAt)))

/** Until the next status, or the end of looked-after status if that came first; else still in force. */
const untilOf = (record: ChildRecord, statuses: ReadonlyArray<LegalStatus>, i: number): string => {
  const next = statuses[i + 1]?.from
  const ended = periodOf(record.lookedAfter, statuses[i]!.from)?.ended?.endedAt
  if (ended !== undefined && (next === undefined || DateTime.lessThan(ended, next))) return `${formatInstant(ended)} (looked-after status ended)`
  return next === undefined ? "in force" : formatInstant(next)
}

const legalStatusBlock = (record: ChildRecord): Block => {
  const statuses = [...record.legalStatuses].sort((a, b) => DateTime.Order(a.from, b.from))
  return statuses.length === 0
    ? paragraph("No legal status (SSDA903) is recorded.")
    : table(
        "Legal statuses (SSDA903), in date order",
        ["Code", "Meaning", "From", "To", "Recorded by"],
        statuses.map((status, i) => [status.code, legalStatusLabel[status.code], formatInstant(status.from), untilOf(record, statuses, i), recordedBy(status)])
      )
}

const lookedAfterBlocks = (record: ChildRecord, naming: ChildNaming): ReadonlyArray<Block> => {
  if (record.lookedAfter.length === 0) return [paragraph("No period of being looked after is recorded.")]
  const reviews = record.lookedAfter.flatMap((period) => period.reviews.map((review) => [period.periodId, formatInstant(review.heldAt), review.iroName, recordedBy(review)]))
  return [
    table(
      "Periods of being looked after",
      ["Period", "From", "How it began", "Ended", "Why", "Recorded by"],
      record.lookedAfter.map((period) => [
        period.periodId,
        formatInstant(period.from),
        describeRoute(period),
        period.ended === undefined ? "still looked after" : formatInstant(period.ended.endedAt),
        period.ended === undefined ? "" : naming.text(period.ended.reason),
        period.ended === undefined ? recordedBy(period) : `${recordedBy(period)}; ended: ${recordedBy(period.ended)}`
      ])
    ),
    reviews.length === 0
      ? paragraph("No looked-after review (STAT-R33) is recorded.")
      : table("Looked-after reviews held (STAT-R33)", ["Period", "Held", "Chaired by (IRO)", "Recorded by"], reviews)
  ]
}

const ordersBlocks = (record: ChildRecord): ReadonlyArray<Block> =>
  record.emergencyProtectionOrders.length === 0
    ? []
    : [
        table(
          "Emergency protection orders (STAT-S44)",
          ["Order", "Made", "Ends", "Extension", "Ended", "Recorded by"],
          record.emergencyProtectionOrders.map((order) => [
            order.orderId,
            `${formatInstant(order.madeAt)}, for ${order.days} days`,
            formatInstant(epoEndsAt(order)),
            order.extension === undefined ? "" : `${order.extension.days} days from ${formatInstant(order.extension.from)}, recorded by ${recordedBy(order.extension)}`,
            order.ended === undefined ? "" : `${formatInstant(order.ended.endedAt)}: ${epoOutcomeLabel[order.ended.outcome]}, recorded by ${recordedBy(order.ended)}`,
            recordedBy(order)
          ])
        )
      ]

const secureBlocks = ({ secureAccommodation: secure }: ChildRecord): ReadonlyArray<Block> => [
  ...(secure.periods.length === 0
    ? []
    : [table("Secure accommodation (STAT-S25)", ["Period", "Started", "Ended", "Recorded by"], secure.periods.map((period) => [period.periodId, formatInstant(period.startedAt), period.endedAt === undefined ? "still there" : formatInstant(period.endedAt), recordedBy(period)]))]),
  ...(secure.courtAuthorities.length === 0
    ? []
    : [table("The court's authority for secure accommodation (STAT-S25)", ["From", "Until", "Recorded by"], secure.courtAuthorities.map((court) => [formatInstant(court.from), formatInstant(court.until), recordedBy(court)]))]),
  ...(secure.secretaryOfStateApproval === undefined
    ? []
    : [fields([["The Secretary of State's approval (STAT-S25)", `${formatInstant(secure.secretaryOfStateApproval.approvedAt)}, recorded by ${recordedBy(secure.secretaryOfStateApproval)}`]])])
]

const proceedingsBlocks = ({ proceedings: p }: ChildRecord, naming: ChildNaming): ReadonlyArray<Block> => {
  const rows: ReadonlyArray<readonly [string, string | undefined]> = [
    ["Letter before proceedings (STAT-PLO)", p.letterSentAt === undefined ? undefined : formatInstant(p.letterSentAt)],
    ...(p.continuations ?? []).map((c) => ["Pre-proceedings continued", `${c.weeks} weeks, reviewed ${formatInstant(c.reviewedAt)}: ${naming.text(c.reasons)}`] as const),
    ["Pre-proceedings ended", p.preProceedingsEndedAt === undefined ? undefined : formatInstant(p.preProceedingsEndedAt)],
    ["Care proceedings issued (STAT-S31)", p.issuedAt === undefined ? undefined : formatInstant(p.issuedAt)],
    ...p.extensions.map((e) => ["Extended by the court", `${e.weeks} weeks from ${formatInstant(e.from)} to ${formatInstant(e.endsAt)}, recorded by ${recordedBy(e)}`] as const),
    ["Concluded", p.concludedAt === undefined ? undefined : formatInstant(p.concludedAt)]
  ]
  return rows.some(([, value]) => value !== undefined) ? [fields(rows)] : []
}

const withdrawnBlocks = (record: ChildRecord, naming: ChildNaming): ReadonlyArray<Block> => {
  const withdrawals = record.withdrawals ?? []
  if (withdrawals.length === 0) return []
  return [
    paragraph("Entries recorded by mistake and withdrawn: the record above reads as if they had never been made; the chronology keeps both the entry and its withdrawal."),
    table(
      "Withdrawn entries",
      ["Entry", "Rule", "Recorded", "Why withdrawn", "Withdrawn by"],
      withdrawals.map((withdrawal) => [naming.text(describeEntry(withdrawal.entry)), withdrawableRule[withdrawal.entry.kind], formatInstant(withdrawal.recordedAt), naming.text(withdrawal.reason), recordedBy(withdrawal)])
    )
  ]
}

/**
 * The child's statutory record (product decision: the court bundle carries it): legal statuses in date order,
 * periods of being looked after and how they ended, reviews held, orders, secure accommodation, proceedings, a
 * death, and every withdrawn entry shown as withdrawn.
 */
export const statutoryRecordSection = (record: ChildRecord | undefined, naming: ChildNaming): Section => ({
  heading: "Statutory record",
  blocks:
    record === undefined
      ? [paragraph("No statutory record is kept for this child in Carepanel.")]
      : [
          legalStatusBlock(record),
          ...lookedAfterBlocks(record, naming),
          ...(record.diedOn === undefined ? [] : [fields([["Died (STAT-R50)", formatDate(record.diedOn)]])]),
          ...ordersBlocks(record),
          ...secureBlocks(record),
          ...proceedingsBlocks(record, naming),
          ...withdrawnBlocks(record, naming)
        ]
})
