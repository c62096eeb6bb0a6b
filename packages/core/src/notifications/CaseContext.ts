import type { RequestType } from "../policy/RequestType.js"
import type { Referral } from "../referral/Referral.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import type { PersonId } from "../shared/ids.js"

/** A member of staff a notification can name. */
export interface StaffMember {
  readonly personId: PersonId
  readonly name: string
}

/**
 * The people of the case a record is about, taken from its request form (KNO-6, NSO-5): who to tell, and whose
 * names must never travel in a headline or facts. Decisions, disagreements and placements do not hold the form,
 * so their use cases pass this in the context; without it the notifications fall back to role holders.
 */
export interface CaseContext {
  readonly socialWorker?: StaffMember
  readonly teamManager?: StaffMember
  /** Every child's full name on the request: taken out of body text (see `redactor`). */
  readonly childNames: ReadonlyArray<string>
  /** Each child's name and case system number, for the one notice whose purpose is to name them (CPR-6). */
  readonly children?: ReadonlyArray<{ readonly fullName: string; readonly caseNumber?: string | undefined }>
  /** The children's case ids and what the request asks: how a headline names a record that holds neither (a disagreement). */
  readonly childIds?: ReadonlyArray<string>
  readonly requestTypes?: ReadonlyArray<RequestType>
}

/** What the notification functions read: the authority's policy and calendar, and the case when the caller has it. */
export interface NotificationContext extends AuthorityContext {
  readonly case?: CaseContext
}

export const caseOf = (referral: Referral): CaseContext => ({
  socialWorker: referral.form.socialWorker,
  ...(referral.form.teamManager === undefined ? {} : { teamManager: referral.form.teamManager }),
  childNames: referral.form.children.map((child) => child.fullName),
  children: referral.form.children.map(({ fullName, caseNumber }) => ({ fullName, caseNumber })),
  childIds: referral.form.children.map((child) => child.childId),
  requestTypes: referral.form.requestTypes
})

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
const notWord = "[\\p{L}\\p{N}]"
const whole = (pattern: string) => `(?<!${notWord})${pattern}(?!${notWord})`

/** What a child's name becomes in a body line. */
export const childPlaceholder = "the child"

/**
 * Takes children's names out of free text (a rationale, an action, the grounds of a dissent) before it goes into a
 * body line: each full name in any case and spacing, then each part of three letters or more as a whole word in
 * its own case (so "Robin" goes, "robin" the bird stays). Headlines never hold free text at all.
 */
export const redactor = (names: ReadonlyArray<string>): ((text: string) => string) => {
  // Built on first use: most commands' notifications carry no free text to redact.
  let patterns: ReadonlyArray<RegExp> | undefined
  return (text) => {
    patterns ??= namePatterns(names)
    return patterns.reduce((result, pattern) => result.replace(pattern, childPlaceholder), text)
  }
}

const namePatterns = (names: ReadonlyArray<string>): ReadonlyArray<RegExp> => {
  const parts = (name: string) => name.trim().split(/\s+/).filter((part) => part !== "")
  const full = names
    .map(parts)
    .filter((words) => words.length > 0)
    .map((words) => new RegExp(whole(words.map(escapeRegExp).join("\\s+")), "giu"))
  const single = [...new Set(names.flatMap(parts).filter((part) => [...part].length >= 3))]
    .sort((a, b) => b.length - a.length)
    .map((part) => new RegExp(whole(escapeRegExp(part)), "gu"))
  return [...full, ...single]
}

/** What free text becomes in a body line when the children's names cannot be known, so cannot be taken out. */
export const withheldText = "(not shown here: read it in Carepanel)"

/**
 * A redactor for the context's case. Without one (its request could not be read) nobody knows which names to take out,
 * and the notice falls back to every holder of a role: its free text is withheld whole rather than sent as written.
 */
export const redactFor = (context: { readonly case?: CaseContext | undefined }): ((text: string) => string) =>
  context.case === undefined ? () => withheldText : redactor(context.case.childNames)

/** At most `max` characters of free text on one line, cut at a word. */
export const summary = (text: string, max = 300): string => {
  const line = text.replace(/\s+/g, " ").trim()
  if (line.length <= max) return line
  const cut = line.slice(0, max)
  const space = cut.lastIndexOf(" ")
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}...`
}
