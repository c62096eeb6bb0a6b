/**
 * Where a source fetches a decision sheet filed on a child's file: under its own webhook path, so the link names
 * the source whose credentials it needs. Built by the outbound payload, matched by `decisionSheetRoute`.
 */
export const decisionSheetPath = (authorityId: string, sourceId: string, decisionId: string, childId: string): string =>
  `/webhooks/${encodeURIComponent(authorityId)}/${encodeURIComponent(sourceId)}/decision-sheets/${encodeURIComponent(decisionId)}/${encodeURIComponent(childId)}.pdf`

/**
 * What a source signs to fetch a document: Standard Webhooks' `id.timestamp.body` with the request's path (as
 * sent, percent-encoded) for the body, under one of the secrets it signs its deliveries with.
 */
export const signedFetchContent = (path: string): Uint8Array => new TextEncoder().encode(path)
