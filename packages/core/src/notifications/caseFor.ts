import { Effect, Option, ParseResult } from "effect"
import { ReadModels } from "../ports/ReadModels.js"
import { Referral } from "../referral/Referral.js"
import { placementsOfChildren } from "../regulation24/placementsOfChildren.js"
import { decodeOnce } from "../shared/decodedDocuments.js"
import type { AuthorityId } from "../shared/ids.js"
import { type CaseContext, caseNamingEvery, caseOf, caseOfChild } from "./CaseContext.js"

/** A request from its read model: undefined when there is none; fails when the store does or the row does not read. */
const requestOf = (authorityId: AuthorityId, referralId: string) =>
  ReadModels.pipe(
    Effect.flatMap((readModels) => readModels.get("referrals", authorityId, referralId)),
    Effect.flatMap((row) => (row === undefined ? Effect.succeed(undefined) : Effect.try(() => decodeOnce(Referral, row.doc))))
  )

/**
 * Every Regulation 24 placement of the children, ended ones too. A placement that does not read fails here, as a request
 * that does not read does (its other readers treat it as a defect): the callers then leave the case unknown.
 */
const readablePlacementsOf = (authorityId: AuthorityId, childIds: ReadonlyArray<string>) =>
  placementsOfChildren(authorityId, childIds).pipe(
    Effect.catchSomeDefect((defect) => (ParseResult.isParseError(defect) ? Option.some(Effect.fail(defect)) : Option.none()))
  )

/**
 * Every request of the children, whatever its status, and every Regulation 24 placement of their children and of the
 * other children those requests name (ended ones too). Fails when the store does or any row cannot be read: the
 * callers then leave the case unknown (an unreadable row may be the newest, naming someone the others do not).
 */
const recordsOfChildren = (authorityId: AuthorityId, childIds: ReadonlyArray<string>) =>
  ReadModels.pipe(
    Effect.flatMap((readModels) => Effect.forEach(childIds, (childId) => readModels.query({ collection: "referrals", authorityId, where: { childIds: childId } }))),
    Effect.flatMap((rows) => Effect.try(() => [...new Map(rows.flat().map((row) => [row.id, decodeOnce(Referral, row.doc)])).values()])),
    Effect.flatMap((requests) =>
      readablePlacementsOf(authorityId, [...new Set([...childIds, ...requests.flatMap((request) => request.form.children.map((child) => child.childId as string))])]).pipe(
        Effect.map((placements) => ({ requests, placements }))
      )
    )
  )

/** The case of a request, naming everyone its children's other requests and their Regulation 24 placements name (`caseNamingEvery`). */
const caseWithPlacementsOf = (authorityId: AuthorityId, referral: Referral) =>
  recordsOfChildren(
    authorityId,
    referral.form.children.map((child) => child.childId)
  ).pipe(Effect.map(({ requests, placements }) => caseNamingEvery(referral, requests, placements)))

/** The case behind a decision, disagreement or placement, from its request's read model (undefined if unknown). */
export const caseFor = (authorityId: AuthorityId, referralId: string | undefined): Effect.Effect<CaseContext | undefined, never, ReadModels> =>
  referralId === undefined
    ? Effect.succeed(undefined)
    : requestOf(authorityId, referralId).pipe(
        Effect.map((referral) => referral && caseOf(referral)),
        Effect.orElseSucceed(() => undefined)
      )

/**
 * The case behind a record whose notices carry free text (a decision, a disagreement): `caseFor`, with the names its
 * children's other requests (withdrawn ones too) and Regulation 24 placements hold, read by child, so that a connected
 * carer or a parent only an earlier request lists, named in a rationale, is taken out too. A request or placement that
 * cannot be read leaves the case unknown, as the request itself unread does: its free text is withheld.
 */
export const caseWithPlacementsFor = (authorityId: AuthorityId, referralId: string | undefined): Effect.Effect<CaseContext | undefined, never, ReadModels> =>
  referralId === undefined
    ? Effect.succeed(undefined)
    : requestOf(authorityId, referralId).pipe(
        Effect.flatMap((referral) => (referral === undefined ? Effect.succeed(undefined) : caseWithPlacementsOf(authorityId, referral))),
        Effect.orElseSucceed(() => undefined)
      )

/**
 * The case of a child, for records that know only the child (a placement): the caseholders of its newest open request,
 * naming everyone every request of the child names, whatever its status (a withdrawn one still names the child), and
 * every Regulation 24 placement of their children (`caseOfChild`). Undefined when the child's name cannot be known: no
 * request names the child, one of its rows cannot be read, a placement cannot be read, or the store fails.
 */
export const caseForChild = (authorityId: AuthorityId, childId: string): Effect.Effect<CaseContext | undefined, never, ReadModels> =>
  recordsOfChildren(authorityId, [childId]).pipe(
    Effect.map(({ requests, placements }) => caseOfChild(childId, requests, placements)),
    Effect.orElseSucceed(() => undefined)
  )
