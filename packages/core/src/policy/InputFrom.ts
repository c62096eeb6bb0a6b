import { Schema } from "effect"

/** Whose input the social worker gathers for the request (CPR-4): the child's IRO, the Head of Service. */
export const InputFrom = Schema.Literal("independent_reviewing_officer", "head_of_service")
export type InputFrom = typeof InputFrom.Type

export const inputFromLabel: Record<InputFrom, string> = {
  independent_reviewing_officer: "the Independent Reviewing Officer",
  head_of_service: "the Head of Service"
}
