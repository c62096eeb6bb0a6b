import { Schema } from "effect"
import { RequestType } from "./RequestType.js"

/** Facts about a request that scope and criteria rules look at. */
export interface RequestFacts {
  readonly requestTypes: ReadonlyArray<RequestType>
  readonly anyChildDisabled: boolean
  readonly anyChildUnaccompaniedAsylumSeeking: boolean
  readonly partOfCareProceedings: boolean
  readonly annualCostPence: number | undefined
}

interface RequestTypeIn {
  readonly _tag: "RequestTypeIn"
  readonly types: ReadonlyArray<RequestType>
}
interface ChildIs {
  readonly _tag: "ChildIs"
  readonly flag: "disabled" | "unaccompanied_asylum_seeking"
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
export type Condition = RequestTypeIn | ChildIs | PartOfCareProceedings | AllOf | Not

export const Condition: Schema.Schema<Condition> = Schema.Union(
  Schema.TaggedStruct("RequestTypeIn", { types: Schema.Array(RequestType) }),
  Schema.TaggedStruct("ChildIs", { flag: Schema.Literal("disabled", "unaccompanied_asylum_seeking") }),
  Schema.TaggedStruct("PartOfCareProceedings", {}),
  Schema.TaggedStruct("AllOf", { conditions: Schema.Array(Schema.suspend(() => Condition)) }),
  Schema.TaggedStruct("Not", { condition: Schema.suspend(() => Condition) })
)

export const holds = (condition: Condition, facts: RequestFacts): boolean => {
  switch (condition._tag) {
    case "RequestTypeIn":
      return facts.requestTypes.some((type) => condition.types.includes(type))
    case "ChildIs":
      return condition.flag === "disabled" ? facts.anyChildDisabled : facts.anyChildUnaccompaniedAsylumSeeking
    case "PartOfCareProceedings":
      return facts.partOfCareProceedings
    case "AllOf":
      return condition.conditions.every((inner) => holds(inner, facts))
    case "Not":
      return !holds(condition.condition, facts)
  }
}
