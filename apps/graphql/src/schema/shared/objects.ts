import type { ActedBy, Role } from "@carepanel/core"
import type { DateTime } from "effect"
import { builder } from "../builder.js"
import { RoleEnum } from "./enums.js"

/** Who did something, as the event log remembers them: a person and the role they acted in. */
export const ActedByRef = builder.objectRef<ActedBy>("ActedBy").implement({
  description: "Who did something, and in which role.",
  fields: (t) => ({
    personId: t.exposeString("personId"),
    name: t.exposeString("name"),
    role: t.field({ type: RoleEnum, resolve: (by) => by.role })
  })
})

/** A member of staff named on a record. */
export const StaffRefRef = builder.objectRef<{ readonly personId: string; readonly name: string }>("Staff").implement({
  description: "A member of staff named on a record.",
  fields: (t) => ({ personId: t.exposeString("personId"), name: t.exposeString("name") })
})

/** A step still needed (a sign-off, an approval), with the rule that asks for it. */
export const RuleStepRef = builder.objectRef<{ readonly role: Role; readonly ruleId: string }>("RuleStep").implement({
  description: "A sign-off or approval a rule asks for.",
  fields: (t) => ({
    role: t.field({ type: RoleEnum, resolve: (step) => step.role }),
    ruleId: t.exposeString("ruleId")
  })
})

type ForTheChair = { readonly chair: { readonly personId: string; readonly name: string }; readonly because: string }

/** DEF-CHAIR-SIGNS: a sign-off a deputy gave for the person who chaired, and why they could not give it. */
export const ForTheChairRef = builder.objectRef<ForTheChair>("ForTheChair").implement({
  description: "A sign-off given by a deputy for the person who chaired the sitting, who could not give it, and why (DEF-CHAIR-SIGNS).",
  fields: (t) => ({
    chair: t.field({ type: StaffRefRef, description: "The person who chaired the sitting.", resolve: (signed) => signed.chair }),
    because: t.exposeString("because", { description: "Why the person who chaired could not sign it off." })
  })
})

/** A step that was taken: the role, the rule, who and when. */
export const RuleStepTakenRef = builder
  .objectRef<{ readonly role: Role; readonly ruleId: string; readonly by: ActedBy; readonly at: DateTime.Utc; readonly forTheChair?: ForTheChair | undefined }>("RuleStepTaken")
  .implement({
    description: "A sign-off or approval that was given.",
    fields: (t) => ({
      role: t.field({ type: RoleEnum, resolve: (step) => step.role }),
      ruleId: t.exposeString("ruleId"),
      by: t.field({ type: ActedByRef, resolve: (step) => step.by }),
      at: t.field({ type: "DateTime", resolve: (step) => step.at }),
      forTheChair: t.field({
        type: ForTheChairRef,
        nullable: true,
        description: "A decision's sign-off given by a deputy for the person who chaired, and why; null when they signed it themselves, and on every other step.",
        resolve: (step) => step.forTheChair ?? null
      })
    })
  })

/** Something recorded once: who recorded it and when. */
export const RecordedRef = builder.objectRef<{ readonly by: ActedBy; readonly at: DateTime.Utc }>("Recorded").implement({
  description: "Who recorded something, and when.",
  fields: (t) => ({
    by: t.field({ type: ActedByRef, resolve: (recorded) => recorded.by }),
    at: t.field({ type: "DateTime", resolve: (recorded) => recorded.at })
  })
})
