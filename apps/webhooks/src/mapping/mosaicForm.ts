import type { DocumentKind, RequestType } from "@carepanel/core"
import { Schema } from "effect"

/**
 * The pattern to follow for a case system's export: a Mosaic-style panel request form (the field names are
 * fictional, in the upper-case style such exports use) decoded with its own schema, then mapped by a pure
 * function to Carepanel's `request.submitted` event. Codes the case system uses become Carepanel's through
 * explicit tables, so an unknown code is an error naming it, never a guess.
 */
export const MosaicPanelForm = Schema.Struct({
  FORM_ID: Schema.NonEmptyTrimmedString,
  PANEL_CODE: Schema.NonEmptyTrimmedString,
  WORKER_ID: Schema.NonEmptyTrimmedString,
  WORKER_NAME: Schema.NonEmptyTrimmedString,
  MANAGER_ID: Schema.optional(Schema.NonEmptyTrimmedString),
  MANAGER_NAME: Schema.optional(Schema.NonEmptyTrimmedString),
  SUBJECTS: Schema.NonEmptyArray(
    Schema.Struct({
      PERSON_ID: Schema.NonEmptyTrimmedString,
      FULL_NAME: Schema.NonEmptyTrimmedString,
      DOB: Schema.optional(Schema.String.pipe(Schema.pattern(/^\d{2}\/\d{2}\/\d{4}$/, { message: () => "must be DD/MM/YYYY" }))),
      LEGAL_STATUS: Schema.optional(Schema.String)
    })
  ),
  REQUEST_TYPE_CODES: Schema.NonEmptyArray(Schema.String),
  REQUEST_DETAILS: Schema.optional(Schema.String),
  REASON_FOR_REFERRAL: Schema.optional(Schema.String),
  PROPOSED_PLAN: Schema.optional(Schema.String),
  ATTACHMENTS: Schema.optionalWith(Schema.Array(Schema.Struct({ DOC_ID: Schema.String, DOC_TYPE: Schema.String, DOC_TITLE: Schema.String })), { default: () => [] })
})
export type MosaicPanelForm = typeof MosaicPanelForm.Type

export const requestTypeByCode: Readonly<Record<string, RequestType>> = {
  S20: "s20_accommodation",
  PLO: "pre_proceedings",
  CP: "care_proceedings",
  LPM: "legal_planning_meeting",
  EOC: "edge_of_care_resource",
  PLT: "placement_type"
}

export const documentKindByCode: Readonly<Record<string, DocumentKind>> = {
  CHRON: "chronology",
  GENO: "genogram",
  ASMT: "assessment",
  DW: "direct_work",
  FSP: "family_safety_plan",
  SOS: "signs_of_safety_mapping",
  CPLAN: "care_plan",
  LEGAL: "legal_advice",
  FGC: "fgc_plan"
}

export class UnknownCode extends Error {
  constructor(
    readonly field: string,
    readonly code: string
  ) {
    super(`${field}: the code "${code}" has no Carepanel equivalent in the mapping`)
  }
}

const mapCode = <A>(table: Readonly<Record<string, A>>, field: string, code: string): A => {
  const mapped = Object.hasOwn(table, code) ? table[code] : undefined
  if (mapped === undefined) throw new UnknownCode(field, code)
  return mapped
}

const isoDate = (ddmmyyyy: string) => ddmmyyyy.split("/").reverse().join("-")

/** The form as Carepanel's `request.submitted` event (JSON, as sent), acting for the form's worker as social worker. */
export const mosaicToRequestSubmitted = (form: MosaicPanelForm) => ({
  type: "request.submitted" as const,
  data: {
    formId: form.FORM_ID,
    actor: { personId: form.WORKER_ID, name: form.WORKER_NAME, role: "social_worker" as const },
    form: {
      panelId: form.PANEL_CODE,
      socialWorker: { personId: form.WORKER_ID, name: form.WORKER_NAME },
      ...(form.MANAGER_ID && form.MANAGER_NAME ? { teamManager: { personId: form.MANAGER_ID, name: form.MANAGER_NAME } } : {}),
      children: form.SUBJECTS.map((subject) => ({
        childId: subject.PERSON_ID,
        fullName: subject.FULL_NAME,
        caseNumber: subject.PERSON_ID,
        ...(subject.DOB ? { dateOfBirth: isoDate(subject.DOB) } : {}),
        ...(subject.LEGAL_STATUS ? { legalStatus: subject.LEGAL_STATUS } : {})
      })),
      requestTypes: form.REQUEST_TYPE_CODES.map((code, i) => mapCode(requestTypeByCode, `REQUEST_TYPE_CODES[${i}]`, code)),
      ...(form.REQUEST_DETAILS ? { request: form.REQUEST_DETAILS } : {}),
      ...(form.REASON_FOR_REFERRAL ? { reason: form.REASON_FOR_REFERRAL } : {}),
      ...(form.PROPOSED_PLAN ? { proposedPlan: form.PROPOSED_PLAN } : {})
    },
    documents: form.ATTACHMENTS.map((attachment, i) => ({
      documentId: attachment.DOC_ID,
      kind: mapCode(documentKindByCode, `ATTACHMENTS[${i}].DOC_TYPE`, attachment.DOC_TYPE),
      title: attachment.DOC_TITLE
    }))
  }
})
