import { DocumentRef, ReferralForm } from "@carepanel/core"
import { Schema } from "effect"
import { envelope, SourceReference } from "./eventParts.js"

const formId = { formId: SourceReference }
const Reason = Schema.NonEmptyTrimmedString

export const RequestSubmitted = envelope(
  "request.submitted",
  { ...formId, form: ReferralForm, documents: Schema.optionalWith(Schema.Array(DocumentRef), { default: () => [] }) },
  "The full request form and its papers, submitted: creates the request the first time its formId is seen, else updates and resubmits it"
)
export const RequestApproved = envelope("request.approved", formId, "The next approver approved the request")
export const RequestReturned = envelope("request.returned", { ...formId, reason: Reason }, "The request was returned for changes")
export const RequestWithdrawn = envelope("request.withdrawn", { ...formId, reason: Reason }, "The request was withdrawn")
export const DocumentAttached = envelope("document.attached", { ...formId, document: DocumentRef }, "A paper was attached to the request")
