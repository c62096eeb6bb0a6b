import { formatDate } from "../calendar/format.js"
import { addMonths, type LocalDate } from "../calendar/LocalDate.js"
import type { ChildRecord } from "./ChildRecord.js"

export interface Retention {
  /** The last day the record is kept. */
  readonly keepUntil: LocalDate
  /** "keep until Sat 1 May 2087 - STAT-R50: the 75th birthday of a child born Wed 1 May 2012" */
  readonly explanation: string
}

const years = (date: LocalDate, n: number) => addMonths(date, 12 * n)

/**
 * STAT-R50 (CPPCR 2010 reg 50): kept until the 75th birthday, or for 15 years after death where the child died before
 * 18. Undefined until the date of birth is recorded: without it nobody can say when the record may go. A 29 February
 * birthday falls on 28 February in other years.
 */
export const retentionOf = (record: Pick<ChildRecord, "dateOfBirth" | "diedOn">): Retention | undefined => {
  const { dateOfBirth, diedOn } = record
  if (dateOfBirth === undefined) return undefined
  if (diedOn !== undefined && diedOn < years(dateOfBirth, 18)) {
    const keepUntil = years(diedOn, 15)
    return {
      keepUntil,
      explanation: `keep until ${formatDate(keepUntil)} - STAT-R50: 15 years after the death on ${formatDate(diedOn)} of a child who died before 18 (born ${formatDate(dateOfBirth)})`
    }
  }
  const keepUntil = years(dateOfBirth, 75)
  return { keepUntil, explanation: `keep until ${formatDate(keepUntil)} - STAT-R50: the 75th birthday of a child born ${formatDate(dateOfBirth)}` }
}

/** Whether the record is past its retention date on `day` (the day after `keepUntil` onwards). */
export const pastRetention = (record: Pick<ChildRecord, "dateOfBirth" | "diedOn">, day: LocalDate): boolean => {
  const retention = retentionOf(record)
  return retention !== undefined && retention.keepUntil < day
}
