import { type AuthorityPolicy, Agendas, Referrals, type Sitting, Sittings } from "@carepanel/core"
import { Effect } from "effect"
import { asOf, hoursFrom } from "./asOf.js"
import { makeRequest, type Staff } from "./seedRequests.js"

/** Builds and publishes a sitting's agenda two days before it, from what is due (accepted, deferred, reviews). */
export const publish = (staff: Staff, sitting: Sitting) =>
  Effect.gen(function* () {
    const [agendas, sittings] = yield* Effect.all([Agendas, Sittings])
    yield* asOf(hoursFrom(sitting.startsAt, -48))(Effect.zipRight(agendas.build(staff.administrator, sitting.id), sittings.publishAgenda(staff.administrator, sitting.id)))
  })

/** A request made ready nine days before a sitting and accepted onto it before its deadline. */
export const readyFor = (policy: AuthorityPolicy, staff: Staff, sitting: Sitting, child: { readonly id: string; readonly name: string }, type: number) =>
  Effect.gen(function* () {
    const referrals = yield* Referrals
    const types = policy.referral.inScope.requestTypes
    const referral = yield* asOf(hoursFrom(sitting.startsAt, -9 * 24))(makeRequest(policy, staff, child, types[type % types.length]!, "ready"))
    yield* asOf(hoursFrom(sitting.startsAt, -8 * 24))(referrals.acceptOntoSitting(staff.administrator, referral.id, sitting.id))
    return referral.id
  })

/**
 * The members arrive before the start and the chair declares the sitting quorate as it opens: the chair, a member and
 * the team manager, and as many more staff as the panel's quorum needs (Brackenmoor's four), so a policy with a minimum
 * is seeded too.
 */
export const openSitting = (policy: AuthorityPolicy, staff: Staff, sitting: Sitting) =>
  Effect.gen(function* () {
    const sittings = yield* Sittings
    const quorum = policy.panels.find((panel) => panel.id === sitting.panelId)?.quorum
    const enough = quorum?._tag === "Minimum" ? quorum.members : 0
    const arriving = [staff.chair, staff.member, staff.teamManager, staff.headOfService, staff.serviceManager, staff.practiceSupervisor, staff.viceChair]
    const present = arriving.slice(0, Math.max(3, enough))
    // Signed in as the sitting opens: a sitting at midnight has no earlier hour on its own day.
    yield* asOf(sitting.startsAt)(
      Effect.forEach(present, (person) =>
        sittings.recordAttendance(staff.administrator, sitting.id, {
          personId: person.personId,
          name: person.name,
          seat: person === staff.chair ? "Chair" : person.roles[0]!,
          membership: "standing",
          status: "present"
        })
      )
    )
    const who = present.length === 3 ? "The chair, the team manager and the FGC manager are present" : `The chair and ${present.length - 1} members are present`
    yield* asOf(sitting.startsAt)(sittings.confirmQuorum(staff.chair, sitting.id, true, who))
  })
