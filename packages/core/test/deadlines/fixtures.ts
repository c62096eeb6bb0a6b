import type { DateTime } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { fold } from "../../src/shared/decider.js"
import { ChildId, DocumentId, PanelId, PersonId, ReferralId, SittingId } from "../../src/shared/ids.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"

export type Slug = Parameters<typeof contextOf>[0]
export type Staff = ReturnType<typeof staffOf>

/** A sitting scheduled on 4 Jan 2027, then whatever `extra` does to it. */
export const sittingOf = (slug: Slug, panelId: string, id: string, date: string, extra: (by: Staff) => SittingCommand[] = () => []) => {
  const staff = staffOf(slug)
  const schedule = {
    _tag: "ScheduleSitting", sittingId: SittingId.make(id), panelId: PanelId.make(panelId), date: date as LocalDate,
    by: as(staff.administrator), at: london("2027-01-04", "09:00")
  } as SittingCommand
  const events = deciderSpec(sittingDecider, contextOf(slug)).play([schedule, ...extra(staff)])
  return fold(sittingDecider, events)!
}

/** An agenda of one request per child, built on 1 June. */
export const agendaOf = (staff: Staff, ...childIds: ReadonlyArray<string>): SittingCommand => ({
  _tag: "BuildAgenda",
  entries: childIds.map((child, i) => ({ referralId: ReferralId.make(`r${i + 1}`), childIds: [ChildId.make(child)], kind: "request" as const, summary: "x" })),
  by: as(staff.administrator),
  at: london("2027-06-01", "09:00")
})

const lincolnshireDocuments = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"] as const

/** A Lincolnshire request drafted on 1 June with its papers; submitted and approved at `readyAt` when given, then `after`. */
export const lincolnshireReferral = (
  readyAt: DateTime.Utc | undefined,
  after: ReadonlyArray<ReferralCommand> = [],
  form: Partial<ReferralForm> = {}
) => {
  const staff = staffOf("lincolnshire")
  const at = london("2027-06-01", "09:00")
  const commands: ReferralCommand[] = [
    { _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form: completeForm("support-panel", form), by: as(staff.socialWorker), at },
    ...lincolnshireDocuments.map(
      (kind): ReferralCommand => ({ _tag: "RecordDocument", document: { documentId: DocumentId.make(kind), kind, title: kind }, by: as(staff.socialWorker), at })
    ),
    ...(readyAt
      ? ([
          { _tag: "Submit", by: as(staff.socialWorker), at },
          { _tag: "Approve", by: as(staff.teamManager), at: readyAt }
        ] as ReferralCommand[])
      : []),
    ...after
  ]
  return fold(referralDecider, deciderSpec(referralDecider, contextOf("lincolnshire")).play(commands))!
}

export const lincolnshireSittings = () => [
  sittingOf("lincolnshire", "support-panel", "sit_2jun", "2027-06-02"),
  sittingOf("lincolnshire", "support-panel", "sit_9jun", "2027-06-09"),
  sittingOf("lincolnshire", "support-panel", "sit_16jun", "2027-06-16")
]

export const at = (now: DateTime.Utc) => ({ now, dueSoonHours: 48 })

/** A non-standing seat's answer on attendance, recorded by the administrator at `at` (KNO-2); `person` tells two people of one seat apart. */
export const attendanceAnswer = (staff: Staff, seat: string, at: DateTime.Utc, person = seat.toLowerCase()): SittingCommand => ({
  _tag: "RecordAttendance",
  entry: { personId: PersonId.make(person), name: `${seat} lead`, seat, membership: "non_standing", status: "confirmed" },
  by: as(staff.administrator),
  at
})

/** Knowsley's eight non-standing seats (KNO-2), in the order its policy lists them. */
export const knowsleyNonStanding = ["STEP", "Polaris", "Young Carers", "Health", "Pause", "Virtual School / Education", "Shield", "BABs"] as const
