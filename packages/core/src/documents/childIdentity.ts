import { formatDate } from "../calendar/format.js"
import type { LocalDate } from "../calendar/LocalDate.js"
import type { ChildRecord } from "../childRecord/ChildRecord.js"
import type { Referral } from "../referral/Referral.js"
import { fields, type Section } from "./DocumentModel.js"
import type { ChildNaming } from "./DocumentReader.js"

/** Where a date of birth was recorded: the child's statutory record, or a request's form. */
interface RecordedBirth {
  readonly date: LocalDate
  readonly where: string
}

/** Every date of birth recorded for the child: the statutory record's first, then the requests', newest first. */
const birthsRecorded = (childId: string, referrals: ReadonlyArray<Referral>, record: ChildRecord | undefined): ReadonlyArray<RecordedBirth> => {
  const newestFirst = [...referrals].sort((a, b) => b.createdAt.epochMillis - a.createdAt.epochMillis)
  const onRequests = newestFirst.flatMap((referral) =>
    referral.form.children.filter((child) => child.childId === childId && child.dateOfBirth !== undefined).map((child) => ({ date: child.dateOfBirth!, where: `request ${referral.id}` }))
  )
  return record?.dateOfBirth === undefined ? onRequests : [{ date: record.dateOfBirth, where: "the statutory record" }, ...onRequests]
}

/**
 * "Date of birth: Thu 12 Mar 2015 (the statutory record)": the one a court identifies the child by, with every other
 * date recorded elsewhere that differs from it, so a discrepancy is in front of the court rather than hidden.
 */
const birthText = (births: ReadonlyArray<RecordedBirth>): string => {
  const [first] = births
  if (first === undefined) return "not recorded"
  const differing = births.filter((birth) => birth.date !== first.date)
  const others = differing.map((birth) => `${formatDate(birth.date)} on ${birth.where}`)
  return `${formatDate(first.date)} (${first.where})${others.length === 0 ? "" : `; recorded otherwise: ${others.join("; ")}`}`
}

/**
 * The bundle's first section: who the child is. The date of birth only for a reader who may see the child's identity
 * (as the name); `fields` are what it read, for the access log.
 */
export const childIdentitySection = (
  childId: string,
  referrals: ReadonlyArray<Referral>,
  record: ChildRecord | undefined,
  naming: ChildNaming
): { readonly section: Section; readonly fields: ReadonlyArray<string> } => ({
  section: {
    heading: "The child",
    blocks: [fields([["Child", naming.label(childId)], ["Date of birth", naming.identity ? birthText(birthsRecorded(childId, referrals, record)) : undefined]])]
  },
  fields: naming.identity ? ["dateOfBirth"] : []
})
