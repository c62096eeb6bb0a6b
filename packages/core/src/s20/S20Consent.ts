import { DateTime, Schema } from "effect"
import { formatInstant } from "../calendar/format.js"
import { RealDateTimeUtc } from "../calendar/RealDateTimeUtc.js"

/**
 * STAT-S20-CONSENT: one person with parental responsibility agreeing to s20 accommodation, informed
 * (Williams v Hackney [2018] UKSC 37): who, their relationship, when and to whom they consented, and that they
 * were told of their right to object and to remove the child at any time (s20(7)-(8)).
 */
export const ParentalConsent = Schema.Struct({
  name: Schema.String,
  relationship: Schema.String,
  consentGivenAt: RealDateTimeUtc,
  consentGivenTo: Schema.String,
  toldOfRightToObjectAndRemove: Schema.Boolean
})
export type ParentalConsent = typeof ParentalConsent.Type

/** s20(6), s22(4)-(5): the child's wishes and feelings, or why they could not be ascertained. */
export const ChildWishes = Schema.Union(
  Schema.TaggedStruct("Ascertained", { wishesAndFeelings: Schema.String }),
  Schema.TaggedStruct("NotAscertained", { why: Schema.String })
)
export type ChildWishes = typeof ChildWishes.Type

/** What an s20 accommodation records before it may stand (STAT-S20-CONSENT). */
export const S20ConsentRecord = Schema.Struct({
  consents: Schema.Array(ParentalConsent),
  childWishes: Schema.optional(ChildWishes)
})
export type S20ConsentRecord = typeof S20ConsentRecord.Type

const blank = (text: string) => text.trim() === ""

/**
 * Everything missing from an s20 consent record at `at`, in words a social worker can act on; empty when complete.
 * Shared by every record that accommodates a child under s20.
 */
export const missingFromS20Consent = (record: S20ConsentRecord, at: DateTime.Utc): ReadonlyArray<string> => {
  const missing: string[] = []
  if (record.consents.length === 0) missing.push("the consent of at least one person with parental responsibility")
  record.consents.forEach((consent, index) => {
    const who = blank(consent.name) ? `person ${index + 1}` : consent.name.trim()
    if (blank(consent.name)) missing.push(`the name of person ${index + 1} with parental responsibility`)
    if (blank(consent.relationship)) missing.push(`${who}'s relationship to the child`)
    if (blank(consent.consentGivenTo)) missing.push(`to whom ${who} gave consent`)
    if (DateTime.greaterThan(consent.consentGivenAt, at)) missing.push(`when ${who} consented (${formatInstant(consent.consentGivenAt)} is still to come)`)
    if (!consent.toldOfRightToObjectAndRemove) missing.push(`that ${who} was told of the right to object and to remove the child at any time`)
  })
  const wishes = record.childWishes
  if (wishes === undefined) missing.push("the child's wishes and feelings, or why they could not be ascertained")
  else if (wishes._tag === "Ascertained" && blank(wishes.wishesAndFeelings)) missing.push("the child's wishes and feelings (empty)")
  else if (wishes._tag === "NotAscertained" && blank(wishes.why)) missing.push("why the child's wishes and feelings could not be ascertained")
  return missing
}
