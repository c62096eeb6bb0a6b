import { Effect, Option } from "effect"
import { ReadModels } from "../ports/ReadModels.js"
import { Referral } from "../referral/Referral.js"
import { decodeOnce } from "../shared/decodedDocuments.js"
import type { AuthorityId } from "../shared/ids.js"
import { type CaseContext, caseOf } from "./CaseContext.js"
import { newestOpenRequestOf } from "./newestOpenRequest.js"

/** The case behind a decision, disagreement or placement, from its request's read model (undefined if unknown). */
export const caseFor = (authorityId: AuthorityId, referralId: string | undefined): Effect.Effect<CaseContext | undefined, never, ReadModels> =>
  referralId === undefined
    ? Effect.succeed(undefined)
    : ReadModels.pipe(
        Effect.flatMap((readModels) => readModels.get("referrals", authorityId, referralId)),
        Effect.flatMap((row) => (row === undefined ? Effect.succeed(undefined) : Effect.try(() => decodeOnce(Referral, row.doc)))),
        Effect.map((referral) => referral && caseOf(referral)),
        Effect.orElseSucceed(() => undefined)
      )

/** The case of a child's newest open request, for records that know only the child (a placement). */
export const caseForChild = (authorityId: AuthorityId, childId: string): Effect.Effect<CaseContext | undefined, never, ReadModels> =>
  ReadModels.pipe(
    Effect.flatMap((readModels) => readModels.query({ collection: "referrals", authorityId, where: { childIds: childId } })),
    Effect.flatMap((rows) => Effect.forEach(rows, (row) => Effect.option(Effect.try(() => decodeOnce(Referral, row.doc))))),
    Effect.map((read) => {
      const newest = newestOpenRequestOf(read.filter(Option.isSome).map((some) => some.value), childId)
      return newest && caseOf(newest)
    }),
    Effect.orElseSucceed(() => undefined)
  )
