import type { RequestType } from "../policy/RequestType.js"
import type { Referral } from "../referral/Referral.js"
import type { ReferralForm } from "../referral/ReferralForm.js"
import { familyNamedBy, type Placement } from "../regulation24/Placement.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import type { PersonId } from "../shared/ids.js"
import { newestOpenRequestOf } from "./newestOpenRequest.js"

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
  /**
   * The names of the family the form holds (a parent in its history, a child's carer) and, where the caller read them,
   * its children's Regulation 24 placements (a connected carer, a parent who consented to s20): taken out of body text too.
   */
  readonly familyNames?: ReadonlyArray<string>
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

/**
 * Every name known of the child's family: the parents and caregivers in the form's history, each child's carer, and
 * the people each of its children's Regulation 24 placements names (`familyNamedBy`; a placement of another child is ignored).
 */
const familyNamesOf = (form: ReferralForm, placements: ReadonlyArray<Placement>): ReadonlyArray<string> => {
  const children = new Set<string>(form.children.map((child) => child.childId))
  return [
    ...new Set([
      ...form.parentalHistory.map((entry) => entry.parent),
      ...form.children.flatMap((child) => (child.carer === undefined ? [] : [child.carer])),
      ...placements.filter((placement) => children.has(placement.childId)).flatMap(familyNamedBy)
    ])
  ]
}

/**
 * The case of a request. `placements`, the Regulation 24 placements of its children, add the names only they hold (a
 * connected carer, a parent who consented to s20) to those taken out of free text; without them, only the form's are.
 */
export const caseOf = (referral: Referral, placements: ReadonlyArray<Placement> = []): CaseContext => ({
  socialWorker: referral.form.socialWorker,
  ...(referral.form.teamManager === undefined ? {} : { teamManager: referral.form.teamManager }),
  childNames: referral.form.children.map((child) => child.fullName),
  familyNames: familyNamesOf(referral.form, placements),
  children: referral.form.children.map(({ fullName, caseNumber }) => ({ fullName, caseNumber })),
  childIds: referral.form.children.map((child) => child.childId),
  requestTypes: referral.form.requestTypes
})

/**
 * `current`'s case (its caseholders, children and what it asks; none without one), naming everyone any of `requests`
 * names, whatever its status (a child's name as an older request spells it, a parent only it lists), with those the
 * children's `placements` hold: a name an earlier request gave is still a name to take out.
 */
export const caseNamingEvery = (current: Referral | undefined, requests: ReadonlyArray<Referral>, placements: ReadonlyArray<Placement>): CaseContext => {
  const named = [...(current === undefined ? [] : [current]), ...requests.filter((request) => request.id !== current?.id)].map((request) => caseOf(request, placements))
  return {
    ...(current === undefined ? {} : caseOf(current, placements)),
    childNames: [...new Set(named.flatMap((known) => known.childNames))],
    familyNames: [...new Set(named.flatMap((known) => known.familyNames ?? []))]
  }
}

/**
 * The case of a child whose record names only the child (a placement), from the requests that name the child: its
 * newest open request's (none when every one is withdrawn or redirected), naming everyone they all name
 * (`caseNamingEvery`). Undefined when no request names the child: its name cannot be known.
 */
export const caseOfChild = (childId: string, requests: ReadonlyArray<Referral>, placements: ReadonlyArray<Placement>): CaseContext | undefined =>
  requests.length === 0 ? undefined : caseNamingEvery(newestOpenRequestOf(requests, childId), requests, placements)

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
const notWord = "[\\p{L}\\p{N}]"
const whole = (pattern: string) => `(?<!${notWord})${pattern}(?!${notWord})`

/** What a child's name becomes in a body line. */
export const childPlaceholder = "the child"

/** What the name of a parent, carer or other connected person becomes in a body line: it does not say who. */
export const familyPlaceholder = "a parent or carer"

/**
 * Takes children's and their family's names out of free text (a rationale, an action, the grounds of a dissent)
 * before it goes into a body line: each full name in any case and spacing, then each part of three letters or more
 * as a whole word in its own case (so "Robin" goes, "robin" the bird stays). A child's name becomes "the child", a
 * family member's "a parent or carer". Headlines never hold free text at all.
 */
export const redactor = (childNames: ReadonlyArray<string>, familyNames: ReadonlyArray<string> = []): ((text: string) => string) => {
  // Built on first use: most commands' notifications carry no free text to redact.
  let replacements: ReadonlyArray<readonly [RegExp, string]> | undefined
  return (text) => {
    replacements ??= namePatterns(childNames, familyNames)
    return replacements.reduce((result, [pattern, placeholder]) => result.replace(pattern, placeholder), text)
  }
}

/** Whose names a redactor takes out and what they become; `isPart` says which single words of a name go on their own. */
interface Named {
  readonly names: ReadonlyArray<string>
  readonly placeholder: string
  readonly isPart: (word: string) => boolean
}

const wordsOf = (name: string) => name.trim().split(/\s+/).filter((word) => word !== "")
/** A word without the punctuation around it: "Pike," and "(Pike)" are the name Pike. */
const bare = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
const threeOrMore = (word: string) => [...word].length >= 3

const namePatterns = (childNames: ReadonlyArray<string>, familyNames: ReadonlyArray<string>): ReadonlyArray<readonly [RegExp, string]> => {
  // Children first: a full name or a word both a child's and a parent's (a shared surname) becomes "the child".
  const groups: ReadonlyArray<Named> = [
    { names: childNames, placeholder: childPlaceholder, isPart: threeOrMore },
    // A form's carer may be written with what they are ("Jo Pike, foster carer", "Dana Ash (mother)"): only a
    // capitalised word counts as a name of its own, so "carer" and "mother" stay wherever else they are written.
    { names: familyNames, placeholder: familyPlaceholder, isPart: (word) => threeOrMore(word) && /^\p{Lu}/u.test(word) }
  ]
  const people = groups.flatMap(({ names, placeholder }) => names.map((name) => ({ words: wordsOf(name), placeholder }))).filter(({ words }) => words.length > 0)
  // Longest first, so that a name inside a longer one ("Dana Ash" in "Dana Ash Lee") cannot leave a piece behind.
  const full = people
    .sort((a, b) => b.words.join(" ").length - a.words.join(" ").length)
    .map(({ words, placeholder }) => [new RegExp(whole(words.map(escapeRegExp).join("\\s+")), "giu"), placeholder] as const)
  const parts = new Map<string, string>()
  for (const { names, placeholder, isPart } of groups) {
    for (const word of names.flatMap(wordsOf).map(bare)) if (isPart(word) && !parts.has(word)) parts.set(word, placeholder)
  }
  const single = [...parts]
    .sort(([a], [b]) => b.length - a.length)
    .map(([part, placeholder]) => [new RegExp(whole(escapeRegExp(part)), "gu"), placeholder] as const)
  return [...full, ...single]
}

/** What free text becomes in a body line when the case's names cannot be known, so cannot be taken out. */
export const withheldText = "(not shown here: read it in Carepanel)"

/**
 * A redactor for the context's case. Without one (its request could not be read) nobody knows which names to take out,
 * and the notice falls back to every holder of a role: its free text is withheld whole rather than sent as written.
 */
export const redactFor = (context: { readonly case?: CaseContext | undefined }): ((text: string) => string) =>
  context.case === undefined ? () => withheldText : redactor(context.case.childNames, context.case.familyNames)

/** At most `max` characters of free text on one line, cut at a word. */
export const summary = (text: string, max = 300): string => {
  const line = text.replace(/\s+/g, " ").trim()
  if (line.length <= max) return line
  const cut = line.slice(0, max)
  const space = cut.lastIndexOf(" ")
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}...`
}
