import { type AuthorityPolicy, describeTime, Policies } from "@carepanel/core"
import { Effect } from "effect"
import { builder } from "../builder.js"
import { readList } from "../run.js"
import { MembershipEnum, RoleEnum } from "../shared/enums.js"

type PanelPolicy = AuthorityPolicy["panels"][number]

const MemberRef = builder.objectRef<PanelPolicy["members"][number]>("PanelSeat").implement({
  description: "A seat at the panel: people change, seats stay.",
  fields: (t) => ({
    seat: t.exposeString("seat"),
    role: t.field({ type: RoleEnum, resolve: (member) => member.role }),
    membership: t.field({ type: MembershipEnum, resolve: (member) => member.membership })
  })
})

const scheduleText = (panel: PanelPolicy): string =>
  panel.schedule._tag === "Cadence"
    ? `every ${panel.schedule.everyWeeks === 1 ? "week" : `${panel.schedule.everyWeeks} weeks`} on ${panel.schedule.weekday}, from ${panel.schedule.firstDate}`
    : `on fixed dates: ${panel.schedule.dates.join(", ")}`

/** A panel as the authority's policy describes it. */
export const PanelRef = builder.objectRef<PanelPolicy>("Panel").implement({
  description: "A panel of the caller's authority, from its policy.",
  fields: (t) => ({
    id: t.id({ resolve: (panel) => panel.id }),
    name: t.exposeString("name"),
    ruleId: t.exposeString("ruleId"),
    venue: t.exposeString("venue"),
    schedule: t.string({ description: "When it sits, in words.", resolve: scheduleText }),
    startsAt: t.string({ description: "London time, e.g. 10am.", resolve: (panel) => describeTime(panel.hours.start) }),
    endsAt: t.string({ resolve: (panel) => describeTime(panel.hours.end) }),
    chairRole: t.field({ type: RoleEnum, resolve: (panel) => panel.chair.role }),
    members: t.field({ type: [MemberRef], resolve: (panel) => panel.members }),
    slotMinutesMin: t.int({ resolve: (panel) => panel.slotMinutes.min }),
    slotMinutesMax: t.int({ resolve: (panel) => panel.slotMinutes.max })
  })
})

builder.queryField("panels", (t) =>
  t.field({
    type: [PanelRef],
    description: "The caller's authority's panels.",
    resolve: (_root, _args, context) =>
      readList(context, (actor) => Effect.flatMap(Policies, (policies) => policies.forAuthority(actor.authorityId)).pipe(Effect.map((policy) => policy.panels)))
  })
)
