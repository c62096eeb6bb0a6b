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

/** A step that was taken: the role, the rule, who and when. */
export const RuleStepTakenRef = builder
  .objectRef<{ readonly role: Role; readonly ruleId: string; readonly by: ActedBy; readonly at: DateTime.Utc }>("RuleStepTaken")
  .implement({
    description: "A sign-off or approval that was given.",
    fields: (t) => ({
      role: t.field({ type: RoleEnum, resolve: (step) => step.role }),
      ruleId: t.exposeString("ruleId"),
      by: t.field({ type: ActedByRef, resolve: (step) => step.by }),
      at: t.field({ type: "DateTime", resolve: (step) => step.at })
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
