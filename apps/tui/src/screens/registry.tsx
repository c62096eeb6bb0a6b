import type { ReactElement } from "react"
import type { KeyHelp } from "../ui/keys.js"
import type { Route } from "../ui/Navigation.js"
import { Deadlines, deadlinesKeys } from "./Deadlines.js"
import { Deliveries, deliveriesKeys } from "./Deliveries.js"
import { Inbox, inboxKeys } from "./Inbox.js"
import { Meeting, meetingKeys } from "./Meeting.js"
import { Record, recordKeys } from "./Record.js"
import { Reports, reportsKeys } from "./Reports.js"
import { Requests, requestsKeys } from "./Requests.js"
import { Search, searchKeys } from "./Search.js"
import { Sitting, sittingKeys } from "./Sitting.js"
import { Statutory, statutoryKeys } from "./Statutory.js"
import { Week, weekKeys } from "./Week.js"

export interface Screen {
  readonly title: string
  /** On the top line where the titles do not all fit (80 columns). */
  readonly short?: string
  readonly keys: ReadonlyArray<KeyHelp>
  readonly Component: (props: { readonly route: Route }) => ReactElement
}

/** The numbered screens, in the order the digits open them (1 to 9, then 0). */
export const numbered: ReadonlyArray<Route["name"]> = ["week", "requests", "sitting", "record", "deadlines", "statutory", "reports", "search", "inbox", "deliveries"]

/** The digit that opens the numbered screen at `index`. */
export const digitOf = (index: number): string => String((index + 1) % 10)

export const screens: Partial<Record<Route["name"], Screen>> = {
  week: { title: "Week", keys: weekKeys, Component: Week },
  requests: { title: "Requests", short: "Reqs", keys: requestsKeys, Component: Requests },
  sitting: { title: "Sitting", short: "Sit", keys: sittingKeys, Component: Sitting },
  meeting: { title: "Meeting", keys: meetingKeys, Component: Meeting },
  record: { title: "Record", keys: recordKeys, Component: Record },
  deadlines: { title: "Deadlines", short: "Due", keys: deadlinesKeys, Component: Deadlines },
  statutory: { title: "Statutory", short: "Reg 24", keys: statutoryKeys, Component: Statutory },
  reports: { title: "Reports", short: "Rpts", keys: reportsKeys, Component: Reports },
  search: { title: "Search", keys: searchKeys, Component: Search },
  inbox: { title: "Inbox", keys: inboxKeys, Component: Inbox },
  deliveries: { title: "Deliveries", short: "Hooks", keys: deliveriesKeys, Component: Deliveries }
}
