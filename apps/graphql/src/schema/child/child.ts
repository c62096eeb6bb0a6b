import type { ChildDetails } from "@carepanel/core"
import { builder } from "../builder.js"
import { PlanTypeEnum } from "../shared/enums.js"
import type { GraphQLContext } from "../../graphql/context.js"

/** A read of something in these children's records, for the access log (which field, never the value). */
export const readOf = <T>(context: GraphQLContext, childIds: ReadonlyArray<string>, field: string, value: T): T => {
  for (const childId of childIds) context.access.track(childId, field)
  return value
}

/** Reading any field of a child's record is logged (which child, which field, never the value). */
const logged =
  <T>(field: string, read: (child: ChildDetails) => T) =>
  (child: ChildDetails, _args: object, context: GraphQLContext): T =>
    readOf(context, [child.childId], field, read(child))

/** A child on a request (KNO-6, NSO-5). Fictional in every example and test. */
export const ChildRef = builder.objectRef<ChildDetails>("Child").implement({
  description: "A child on a request. Every read of these fields is written to the access log (who, role, when, which fields).",
  fields: (t) => ({
    childId: t.id({ resolve: (child) => child.childId }),
    fullName: t.string({ nullable: true, resolve: logged("fullName", (child) => child.fullName) }),
    dateOfBirth: t.field({ nullable: true, type: "Date", resolve: logged("dateOfBirth", (child) => child.dateOfBirth ?? null) }),
    homeAddress: t.string({ nullable: true, resolve: logged("homeAddress", (child) => child.homeAddress ?? null) }),
    placementAddress: t.string({ nullable: true, resolve: logged("placementAddress", (child) => child.placementAddress ?? null) }),
    gender: t.string({ nullable: true, resolve: logged("gender", (child) => child.gender ?? null) }),
    caseNumber: t.string({ nullable: true, resolve: logged("caseNumber", (child) => child.caseNumber ?? null) }),
    legalStatus: t.string({ nullable: true, resolve: logged("legalStatus", (child) => child.legalStatus ?? null) }),
    ethnicity: t.string({ nullable: true, resolve: logged("ethnicity", (child) => child.ethnicity ?? null) }),
    plan: t.field({ type: PlanTypeEnum, nullable: true, resolve: logged("plan", (child) => child.plan ?? null) }),
    planStarted: t.field({
      type: "Date",
      nullable: true,
      description: "When the current plan started (SUP-2 counts the months of a child protection plan from it).",
      resolve: logged("planStarted", (child) => child.planStarted ?? null)
    }),
    disabled: t.boolean({ nullable: true, resolve: logged("disabled", (child) => child.disabled) }),
    unaccompaniedAsylumSeeking: t.boolean({ nullable: true, resolve: logged("unaccompaniedAsylumSeeking", (child) => child.unaccompaniedAsylumSeeking) }),
    specialEducationalNeeds: t.boolean({ nullable: true, resolve: logged("specialEducationalNeeds", (child) => child.specialEducationalNeeds ?? null) }),
    engagingInEducation: t.boolean({ nullable: true, resolve: logged("engagingInEducation", (child) => child.engagingInEducation ?? null) }),
    placementType: t.string({ nullable: true, resolve: logged("placementType", (child) => child.placementType ?? null) }),
    carer: t.string({ nullable: true, resolve: logged("carer", (child) => child.carer ?? null) })
  })
})
