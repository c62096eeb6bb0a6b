import { type CitingPolicy, citationOfText, describeRoles, formatDate, type LocalDate, type Notification, type Role, roleLabel } from "@carepanel/core"

/** A fact as text, or `fallback` when the notification does not carry it. */
export const fact = (notification: Notification, key: string, fallback = "(not given)"): string => {
  const value = notification.facts[key]
  return value === undefined || value === "" ? fallback : String(value)
}

/** A role fact (one role, or several separated by commas) as people read it: "Assistant Director or head of service". */
export const roleFact = (notification: Notification, key: string, fallback: string): string => {
  const roles = fact(notification, key, "")
    .split(",")
    .filter((role): role is Role => Object.hasOwn(roleLabel, role))
  return roles.length === 0 ? fallback : describeRoles(roles)
}

/**
 * The rule of the `ruleId` fact, cited as core's bodies cite it (a local default saying so, an own rule with its source
 * and words), under the own rules the email notifier was given for the authority (`RenderContext`).
 */
export const ruleFact = (notification: Notification, policy: CitingPolicy): string => citationOfText(fact(notification, "ruleId"), policy)

/** A date fact (2027-06-09) as "Wed 9 Jun 2027"; as given when it is not a date. */
export const dateFact = (notification: Notification, key: string): string => {
  const value = fact(notification, key, "")
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value as LocalDate) : value || "a date not given"
}
