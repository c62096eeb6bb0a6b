import { Effect } from "effect"
import { type CitingPolicy, citation } from "../policy/citation.js"
import type { RuleId } from "../policy/rules.js"
import type { PersonId } from "../shared/ids.js"
import type { Attendance } from "../sitting/SittingEvents.js"
import { MemberNotAtSitting } from "./DisagreementErrors.js"
import type { DisagreementParty, VoicedOnBehalf } from "./DisagreementEvents.js"

/**
 * Who voiced a represented member's dissent (KNO-2), as the record, minutes and decision sheet say it: "voiced by Bea
 * Example, Education, representing them, KNO-2" (an own rule with its source and words). No rule is named where the
 * panel's cover is a local default.
 */
export const voicedByWords = (onBehalf: VoicedOnBehalf, policy: CitingPolicy): string =>
  `voiced by ${onBehalf.voicedBy.name}, ${onBehalf.voicedBySeat}, representing them${onBehalf.ruleId === undefined ? "" : `, ${citation(onBehalf.ruleId, policy)}`}`

export interface VoiceCheck {
  readonly attendance: ReadonlyArray<Attendance>
  /** The sitting's date in words. */
  readonly on: string
  readonly cited: string
  readonly ruleId: RuleId
  /** The rule the panel's cover cites (KNO-2, CPR-3, an own rule), if any. */
  readonly coverRule: RuleId | undefined
  readonly policy: CitingPolicy
}

/**
 * KNO-2: a member present voices the dissent of a member away whom they represent; the dissent is the member away's,
 * named and seated as the attendance recorded them, and it records who voiced it. Only the member present who
 * represents them, on the sitting's attendance, may: before attendance is taken that cannot be checked.
 */
export const voicedOnBehalf = (voicer: DisagreementParty, memberId: PersonId, taken: boolean, check: VoiceCheck) =>
  Effect.gen(function* () {
    const { attendance, on, cited, ruleId, coverRule, policy } = check
    const refuse = (status: string, message: string) => Effect.fail(new MemberNotAtSitting({ ruleId, attendance: status, message }))
    const absent = attendance.find((entry) => entry.personId === memberId)
    const voicing = attendance.find((entry) => entry.personId === voicer.personId)
    const absentName = absent?.name ?? `the member they speak for (${memberId})`
    const covered = coverRule === undefined ? "" : ` (${citation(coverRule, policy)})`
    if (memberId === voicer.personId) {
      return yield* refuse(voicing?.status ?? "not_recorded", `${voicer.name} cannot voice a dissent on their own behalf: record it as ${voicer.name}'s own dissent (${cited}).`)
    }
    if (!taken) {
      return yield* refuse(
        "not_recorded",
        `Attendance at the sitting on ${on} is not recorded yet, so it cannot show that ${voicer.name} represents ${absentName}: record the attendance first, with ${voicer.name} present and representing them${covered}, then the dissent ${voicer.name} voices for them (${cited}).`
      )
    }
    if (absent !== undefined && absent.status !== "apologies" && absent.status !== "confirmed") {
      return yield* refuse(
        absent.status,
        `${absent.name} is recorded as ${absent.status === "present" ? "present" : absent.status === "deputy" ? "a deputy" : "an observer"} at the sitting on ${on}, not away: a member away is represented${covered}. ${absent.status === "observer" ? "Observers take no part in the decision" : `Record the dissent as ${absent.name}'s own`} (${cited}).`
      )
    }
    if (voicing?.status !== "present" || absent === undefined || !(voicing.represents ?? []).includes(memberId)) {
      const notPresent = voicing?.status !== "present"
      return yield* refuse(
        voicing?.status ?? "not_recorded",
        `${voicer.name} is not recorded as ${notPresent ? "present at" : `representing ${absentName} at`} the sitting on ${on}, so cannot voice ${absentName}'s dissent: the member present who represents a member away${covered} voices it (${cited}). ` +
          `Record ${absentName} as represented by a member present first.`
      )
    }
    const onBehalf: VoicedOnBehalf = {
      memberSeat: absent.seat,
      voicedBy: { personId: voicing.personId, name: voicing.name },
      voicedBySeat: voicing.seat,
      ...(coverRule === undefined ? {} : { ruleId: coverRule })
    }
    return { member: { personId: absent.personId, name: absent.name }, attendance: "represented" as const, onBehalf }
  })
