import { createContext, useContext } from "react"

export type Route =
  | { readonly name: "week" }
  | { readonly name: "requests" }
  | { readonly name: "sitting"; readonly sittingId?: string }
  | { readonly name: "meeting"; readonly sittingId: string }
  | { readonly name: "deadlines" }
  | { readonly name: "record" }
  | { readonly name: "statutory" }
  | { readonly name: "reports" }
  | { readonly name: "search"; readonly query?: string }
  | { readonly name: "inbox" }
  | { readonly name: "deliveries" }

export type Status = { readonly kind: "done" | "refused" | "info"; readonly text: string }

/** How a screen moves and speaks: open another screen, go back, say what happened, claim the keyboard for typing. */
export interface Navigation {
  readonly go: (route: Route) => void
  readonly back: () => void
  readonly say: (status: Status | undefined) => void
  /** While a form has the keyboard, letters are text: the global keys (q, ?, /, digits) wait. */
  readonly setTyping: (typing: boolean) => void
  /** Whether the screen's own keys are live (no help over it, no form taking the keys). */
  readonly keysLive: boolean
  readonly typing: boolean
  readonly helpOpen: boolean
  /** The rows the screen may use below the header and above the status line. */
  readonly rows: number
  readonly columns: number
}

export const NavigationContext = createContext<Navigation | undefined>(undefined)

export const useNavigation = (): Navigation => {
  const navigation = useContext(NavigationContext)
  if (navigation === undefined) throw new Error("useNavigation outside App")
  return navigation
}
