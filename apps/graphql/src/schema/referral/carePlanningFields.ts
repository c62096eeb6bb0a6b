import { ExceptionalAccommodationKind, InputFrom, type Referral } from "@carepanel/core"
import { builder } from "../builder.js"
import { readOf } from "../child/child.js"
import { literalEnum } from "../shared/enums.js"
import { ReferralRef } from "./referralType.js"

const InputFromEnum = literalEnum("InputFrom", InputFrom.literals, "Whose input the social worker gathers for a request (CPR-4).")
const AccommodationKindEnum = literalEnum("ExceptionalAccommodationKind", ExceptionalAccommodationKind.literals, "CPR-5: a hotel, a private let, or other.")

export const SeniorInputInput = builder.inputType("SeniorInputInput", {
  description: "CPR-4: one person's input to the request: who, when they gave it, and what they said.",
  fields: (t) => ({
    from: t.field({ type: InputFromEnum, required: true }),
    name: t.string({ required: true }),
    givenOn: t.field({ type: "Date", required: true }),
    input: t.string({ required: true })
  })
})

export const ExceptionalAccommodationInput = builder.inputType("ExceptionalAccommodationInput", {
  description: "CPR-5: required on a request of type EXCEPTIONAL_ACCOMMODATION.",
  fields: (t) => ({
    kind: t.field({ type: AccommodationKindEnum, required: true }),
    weeklyCostPence: t.int({ required: true }),
    valueForMoney: t.string({ required: true })
  })
})

type Form = Referral["form"]

const SeniorInputRef = builder.objectRef<NonNullable<Form["seniorInput"]>[number]>("SeniorInput").implement({
  description: "CPR-4: one person's input to the request.",
  fields: (t) => ({
    from: t.field({ type: InputFromEnum, resolve: (entry) => entry.from }),
    name: t.exposeString("name"),
    givenOn: t.field({ type: "Date", resolve: (entry) => entry.givenOn }),
    input: t.exposeString("input")
  })
})

const ExceptionalAccommodationRef = builder.objectRef<NonNullable<Form["exceptionalAccommodation"]>>("ExceptionalAccommodation").implement({
  description: "CPR-5: a hotel or private let asked for, its weekly cost and why it is value for money.",
  fields: (t) => ({
    kind: t.field({ type: AccommodationKindEnum, resolve: (accommodation) => accommodation.kind }),
    weeklyCostPence: t.exposeInt("weeklyCostPence"),
    valueForMoney: t.exposeString("valueForMoney")
  })
})

const childIdsOf = (referral: Referral) => referral.form.children.map((child) => child.childId as string)

/** The request's CPR-4 and CPR-5 fields; reads are logged like the rest of the form. */
builder.objectFields(ReferralRef, (t) => ({
  seniorInput: t.field({
    type: [SeniorInputRef],
    description: "CPR-4: the IRO's and the Head of Service's input (who, when, what).",
    resolve: (referral, _args, context) => readOf(context, childIdsOf(referral), "request.seniorInput", referral.form.seniorInput ?? [])
  }),
  exceptionalAccommodation: t.field({
    type: ExceptionalAccommodationRef,
    nullable: true,
    description: "CPR-5: the hotel or private let asked for, its weekly cost and its value for money.",
    resolve: (referral, _args, context) =>
      readOf(context, childIdsOf(referral), "request.exceptionalAccommodation", referral.form.exceptionalAccommodation ?? null)
  })
}))
