import type { DateTime } from "effect"
import type { Authorised } from "../shared/authorise.js"
import type { ChildId } from "../shared/ids.js"
import type { LocalDate } from "../calendar/LocalDate.js"
import type { EpoOutcome } from "./EmergencyProtectionOrder.js"
import type { LegalStatusCode } from "./LegalStatus.js"
import type { AccommodationBasis, LookedAfterRoute } from "./LookedAfter.js"
import type { Role } from "../shared/roles.js"
import type { WithdrawableEntry } from "./WithdrawableEntry.js"

/** Who records on a child's record (and so tells the child's decisions what it shows, NSO-9). */
export const childRecordRecorders: ReadonlyArray<Role> = ["social_worker", "practice_supervisor", "team_manager", "service_manager", "head_of_service"]

/** Every command carries an authorised actor, the instant it happens and the child it is about. */
interface Base {
  readonly by: Authorised
  readonly at: DateTime.Utc
  readonly childId: ChildId
}

export type ChildRecordCommand =
  /** STAT-S44: the court's order, made at `madeAt`, for `days` whole days (1 to 8). */
  | (Base & { readonly _tag: "RecordEmergencyProtectionOrder"; readonly madeAt: DateTime.Utc; readonly days: number })
  /** STAT-S44: the one extension of the order in force, by 1 to 7 days, made by the court at `extendedAt` (defaults to `at`). */
  | (Base & { readonly _tag: "ExtendEmergencyProtectionOrder"; readonly days: number; readonly extendedAt?: DateTime.Utc })
  /** STAT-S44: how the order in force ended, and when (`endedAt`, defaults to `at`). */
  | (Base & { readonly _tag: "RecordEmergencyProtectionOrderEnded"; readonly outcome: EpoOutcome; readonly endedAt?: DateTime.Utc })
  | (Base & { readonly _tag: "RecordDateOfBirth"; readonly dateOfBirth: LocalDate })
  /** STAT-R50: the child died on `diedOn`. */
  | (Base & { readonly _tag: "RecordChildDeath"; readonly diedOn: LocalDate })
  /** STAT-S25: a further period in secure accommodation from `startedAt`, ended at `endedAt` if it has. */
  | (Base & { readonly _tag: "RecordSecureAccommodation"; readonly startedAt: DateTime.Utc; readonly endedAt?: DateTime.Utc })
  /** STAT-S25: the open period ended (`endedAt`, defaults to `at`). */
  | (Base & { readonly _tag: "EndSecureAccommodation"; readonly endedAt?: DateTime.Utc })
  /** STAT-S25: the court's authority (an s25 order) from `from` until `until`. */
  | (Base & { readonly _tag: "RecordSecureAccommodationCourtAuthority"; readonly from: DateTime.Utc; readonly until: DateTime.Utc })
  /** STAT-S25 (reg 4): the Secretary of State's approval for a child under 13, given at `approvedAt`. */
  | (Base & { readonly _tag: "RecordSecretaryOfStateApproval"; readonly approvedAt: DateTime.Utc })
  /** STAT-PLO: the letter before proceedings, sent at `sentAt`: entry to pre-proceedings. */
  | (Base & { readonly _tag: "RecordLetterBeforeProceedings"; readonly sentAt: DateTime.Utc })
  /**
   * STAT-PLO: a review held at `reviewedAt` (defaults to `at`) decided, with `reasons`, that pre-proceedings go on for
   * `weeks` more (1-16) instead of issuing proceedings or stepping down.
   */
  | (Base & { readonly _tag: "RecordPreProceedingsContinued"; readonly reviewedAt?: DateTime.Utc; readonly weeks: number; readonly reasons: string })
  /** STAT-PLO: pre-proceedings ended without proceedings (`endedAt`, defaults to `at`). */
  | (Base & { readonly _tag: "EndPreProceedings"; readonly endedAt?: DateTime.Utc })
  /** STAT-S31: care proceedings issued at `issuedAt`. */
  | (Base & { readonly _tag: "RecordProceedingsIssued"; readonly issuedAt: DateTime.Utc })
  /** STAT-S31: one extension of the timetable, of 1 to 8 weeks from its current end, made by the court at `extendedAt` (defaults to `at`). */
  | (Base & { readonly _tag: "ExtendProceedings"; readonly weeks: number; readonly extendedAt?: DateTime.Utc })
  /** STAT-S31: the proceedings concluded (`concludedAt`, defaults to `at`). */
  | (Base & { readonly _tag: "RecordProceedingsConcluded"; readonly concludedAt?: DateTime.Utc })

  /** The child's SSDA903 legal status from `from`; `code` is checked against the codes, and refused by name if it is not one. */
  | (Base & { readonly _tag: "RecordLegalStatus"; readonly code: string; readonly from: DateTime.Utc })
  /**
   * A placement's record made the child looked after at `from` (s20 with consent, police protection with accommodation,
   * a Regulation 24 placement), or changed the legal status (`code`) of a child already looked after. Sent by the
   * Placements use case with the placement's own change, never by a person directly.
   */
  | (Base & {
      readonly _tag: "RecordLookedAfterFromPlacement"
      readonly route: LookedAfterRoute
      readonly from: DateTime.Utc
      readonly placementId: string
      readonly code?: LegalStatusCode
    })
  /**
   * A placement's record ended the accommodation `basis` at `endedAt`, with the child at home: police protection ended
   * with the child returned home (STAT-S46), or the placement ended with the child returned home (s20 accommodation,
   * STAT-S20-CONSENT, or a Regulation 24 placement with none recorded). Ends the open period, for `reason`, while that
   * basis was the child's legal status then, or no status is recorded in a period this placement began. Sent by the
   * Placements use case with the placement's own change, never by a person directly.
   */
  | (Base & {
      readonly _tag: "RecordLookedAfterEndedFromPlacement"
      readonly basis: AccommodationBasis
      readonly endedAt: DateTime.Utc
      readonly reason: string
      readonly placementId: string
    })
  /** The child ceased to be looked after (`endedAt`, defaults to `at`), for `reason`. */
  | (Base & { readonly _tag: "RecordLookedAfterEnded"; readonly reason: string; readonly endedAt?: DateTime.Utc })
  /** STAT-R33: a looked-after review held at `heldAt`, chaired by the child's IRO. */
  | (Base & { readonly _tag: "RecordLookedAfterReview"; readonly heldAt: DateTime.Utc; readonly iroName: string })
  /** A death, a court's authority or the Secretary of State's approval recorded by mistake, withdrawn for `reason`. */
  | (Base & { readonly _tag: "WithdrawChildRecordEntry"; readonly entry: WithdrawableEntry; readonly reason: string })

export type ChildRecordCommandTag = ChildRecordCommand["_tag"]
