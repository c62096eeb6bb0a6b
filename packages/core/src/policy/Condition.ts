import { Schema } from "effect"
import { RequestType, requestTypeLabel } from "./RequestType.js"

export type ChildFlag = "disabled" | "unaccompanied_asylum_seeking"

/** Facts about a request that scope and criteria rules look at. */
export interface RequestFacts {
  readonly requestTypes: ReadonlyArray<RequestType>
  /** The flags each child on the request carries. */
  readonly children: ReadonlyArray<ReadonlySet<ChildFlag>>
  readonly partOfCareProceedings: boolean
  readonly annualCostPence: number | undefined
}

interface RequestTypeIn {
  readonly _tag: "RequestTypeIn"
  readonly types: ReadonlyArray<RequestType>
}
/** At least one child on the request. */
interface ChildIs {
  readonly _tag: "ChildIs"
  readonly flag: ChildFlag
}
/** Every child on the request (LIN-4: a request about unaccompanied asylum-seeking children only). */
interface EveryChildIs {
  readonly _tag: "EveryChildIs"
  readonly flag: ChildFlag
}
interface PartOfCareProceedings {
  readonly _tag: "PartOfCareProceedings"
}
interface AllOf {
  readonly _tag: "AllOf"
  readonly conditions: ReadonlyArray<Condition>
}
interface Not {
  readonly _tag: "Not"
  readonly condition: Condition
}

/** A small, data-only language for "when does this rule apply", so scope lives in the policy file. */
export type Condition = RequestTypeIn | ChildIs | EveryChildIs | PartOfCareProceedings | AllOf | Not

const ChildFlag = Schema.Literal("disabled", "unaccompanied_asylum_seeking")

export const Condition: Schema.Schema<Condition> = Schema.Union(
  Schema.TaggedStruct("RequestTypeIn", { types: Schema.Array(RequestType) }),
  Schema.TaggedStruct("ChildIs", { flag: ChildFlag }),
  Schema.TaggedStruct("EveryChildIs", { flag: ChildFlag }),
  Schema.TaggedStruct("PartOfCareProceedings", {}),
  Schema.TaggedStruct("AllOf", { conditions: Schema.Array(Schema.suspend(() => Condition)) }),
  Schema.TaggedStruct("Not", { condition: Schema.suspend(() => Condition) })
)

export const holds = (condition: Condition, facts: RequestFacts): boolean => {
  switch (condition._tag) {
    case "RequestTypeIn":
      return facts.requestTypes.some((type) => condition.types.includes(type))
    case "ChildIs":
      return facts.children.some((flags) => flags.has(condition.flag))
    case "EveryChildIs":
      return facts.children.length > 0 && facts.children.every((flags) => flags.has(condition.flag))
    case "PartOfCareProceedings":
      return facts.partOfCareProceedings
    case "AllOf":
      return condition.conditions.every((inner) => holds(inner, facts))
    case "Not":
      return !holds(condition.condition, facts)
  }
}

/** Whether a condition looks at this request type anywhere (an exclusion that turns on what is asked for). */
export const mentionsType = (condition: Condition, type: RequestType): boolean => {
  switch (condition._tag) {
    case "RequestTypeIn":
      return condition.types.includes(type)
    case "AllOf":
      return condition.conditions.some((inner) => mentionsType(inner, type))
    case "Not":
      return mentionsType(condition.condition, type)
    default:
      return false
  }
}

const flagWords: Record<ChildFlag, string> = {
  disabled: "disabled",
  unaccompanied_asylum_seeking: "an unaccompanied asylum-seeking child"
}

/** When a condition holds, in words: "the request is for respite or family support, a child on it is disabled, ..." */
export const describeCondition = (condition: Condition): string => {
  switch (condition._tag) {
    case "RequestTypeIn":
      return `the request is for ${condition.types.map((type) => requestTypeLabel[type]).join(" or ")}`
    case "ChildIs":
      return `a child on it is ${flagWords[condition.flag]}`
    case "EveryChildIs":
      return `every child on it is ${flagWords[condition.flag]}`
    case "PartOfCareProceedings":
      return "it is part of care proceedings"
    case "AllOf": {
      const parts = condition.conditions.map(describeCondition)
      return parts.length <= 2 ? parts.join(" and ") : `${parts.slice(0, -1).join(", ")}, and ${parts.at(-1)}`
    }
    case "Not":
      return condition.condition._tag === "PartOfCareProceedings" ? "it is not part of care proceedings" : `not (${describeCondition(condition.condition)})`
  }
}
