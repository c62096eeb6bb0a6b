import { formatDate } from "../calendar/format.js"
import type { LocalDate } from "../calendar/LocalDate.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { type RequestType, requestTypeLabel } from "../policy/RequestType.js"
import type { PanelId } from "../shared/ids.js"

/** "a", "a and b", "a, b and c" */
const listed = (items: ReadonlyArray<string>): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`

/** "for child wx-1", "for children wx-1 and wx-2"; nothing when no child is recorded. */
export const forChildren = (childIds: ReadonlyArray<string>): string =>
  childIds.length === 0 ? "" : `for ${childIds.length === 1 ? "child" : "children"} ${listed(childIds)}`

/**
 * A request or decision as a headline names it, so staff can tell one from another in an inbox or a subject line:
 * by its children's case ids and what it asks ("for child wx-1 (accommodation under section 20)"), never by a
 * child's name. The internal id, which stays in the facts and the body, only when neither is recorded.
 */
export const recordName = (record: { readonly childIds: ReadonlyArray<string>; readonly requestTypes: ReadonlyArray<RequestType> }, id: string): string => {
  const asks = record.requestTypes.map((type) => requestTypeLabel[type]).join("; ")
  const parts = [forChildren(record.childIds), asks === "" ? "" : `(${asks})`].filter((part) => part !== "")
  return parts.length === 0 ? id : parts.join(" ")
}

/** A panel by the name its policy gives it, or "panel <id>" for one the policy does not hold. */
export const panelName = (policy: AuthorityPolicy | undefined, panelId: PanelId): string =>
  policy?.panels.find((panel) => panel.id === panelId)?.name ?? `panel ${panelId}`

/** A sitting as its notices name it: "the Care Planning & Resources Panel on Wed 9 Jun 2027". */
export const sittingName = (policy: AuthorityPolicy | undefined, sitting: { readonly panelId: PanelId; readonly date: LocalDate }): string =>
  `the ${panelName(policy, sitting.panelId)} on ${formatDate(sitting.date)}`

/** A name at the start of a headline: "The ..." for "the ...". */
export const capitalised = (name: string): string => `${name.charAt(0).toUpperCase()}${name.slice(1)}`
