import { Schema } from "effect"
import { ActedBy } from "../shared/actor.js"

/**
 * The SSDA903 (children looked after return) legal status codes (domain-law.md, "Codes that case systems and data
 * returns use"). Every one is the legal status of a looked-after child: recording one for a child who is not looked
 * after starts looked-after status.
 */
export const legalStatusLabel = {
  C1: "interim care order",
  C2: "full care order",
  D1: "freeing order",
  E1: "placement order",
  J1: "remanded to local authority accommodation or youth detention",
  J2: "placed in local authority accommodation under PACE",
  J3: "sentenced to a youth rehabilitation order with a local authority residence or intensive fostering requirement",
  L1: "under police protection and in local authority accommodation",
  L2: "emergency protection order",
  L3: "under a child assessment order and in local authority accommodation",
  V2: "single period of s20 accommodation",
  V3: "s20 short break",
  V4: "s20 short breaks"
} as const

export type LegalStatusCode = keyof typeof legalStatusLabel
export const legalStatusCodes = Object.keys(legalStatusLabel) as [LegalStatusCode, ...LegalStatusCode[]]
export const LegalStatusCode = Schema.Literal(...legalStatusCodes)

export const isLegalStatusCode = (code: string): code is LegalStatusCode => Object.hasOwn(legalStatusLabel, code)

/**
 * The codes that tell of a criminal offence alleged or proven against the child (UK GDPR art. 10): remand (J1),
 * detention under PACE (J2), a sentence (J3). Every other code is a care or protection status.
 */
export const offenceLegalStatusCodes: ReadonlyArray<LegalStatusCode> = ["J1", "J2", "J3"]

export const isOffenceLegalStatus = (code: string | undefined): boolean => code !== undefined && (offenceLegalStatusCodes as ReadonlyArray<string>).includes(code)

/**
 * An offence code ("J1", "j 2"), the words of one (remanded, PACE, sentenced, youth detention or rehabilitation order),
 * or the words a social worker types for the same (UK GDPR art. 10 data, however it is written): bail, charged,
 * arrested, convicted, an offence, criminal, custody or custodial, a detention and training order (DTO), a referral
 * order, the youth offending team (YOT) or youth justice. The words of care and protection statuses (police protection,
 * secure accommodation, a court's care or placement order) are none of these. Wider rather than narrower: a status
 * taken for an offence is shown only to those who may see art. 10 data; one missed is shown to everyone.
 */
const offenceWords =
  /\bJ\s?[1-3]\b|\bremand|\bPACE\b|\bsentence|\byouth (detention|rehabilitation|offending|justice)|\bbail\b|\bcharged\b|\barrest|\bconvict|\boffen[cs]e|\bcriminal|\bcustod(y|ial)\b|\bDTO\b|\bdetention and training|\breferral order|\bYOT\b/i

/** Whether words (a request form's legal status, a clock's explanation) name an offence legal status. */
export const namesOffenceLegalStatus = (text: string): boolean => offenceWords.test(text)

/** "C1 (interim care order), C2 (full care order), ...": for a refusal that lists what may be recorded. */
export const describeLegalStatusCodes = () => legalStatusCodes.map((code) => `${code} (${legalStatusLabel[code]})`).join(", ")

/** One legal status, in force from `from` until the next one (or the end of looked-after status). */
export const LegalStatus = Schema.Struct({ code: LegalStatusCode, from: Schema.DateTimeUtc, by: ActedBy, at: Schema.DateTimeUtc })
export type LegalStatus = typeof LegalStatus.Type
