import { useKeys } from "./useKeys.js"
import { Box, useApp } from "ink"
import { Text } from "./Text.js"
import { useMemo, useState } from "react"
import { digitOf, numbered, screens } from "../screens/registry.js"
import { useCore } from "./CoreContext.js"
import { Help } from "./Help.js"
import { type Navigation, NavigationContext, type Route, type Status } from "./Navigation.js"

export interface AppProps {
  readonly columns: number
  readonly rows: number
  readonly initial?: Route
}

/** The frame every screen sits in: who and where, the screens by number, the screen, and one status line. */
export const App = ({ columns, rows, initial = { name: "week" } }: AppProps) => {
  const { actor, policy, inbox, colour } = useCore()
  const { exit } = useApp()
  const [history, setHistory] = useState<ReadonlyArray<Route>>([initial])
  const [status, setStatus] = useState<Status | undefined>(undefined)
  const [helpOpen, setHelpOpen] = useState(false)
  const [typing, setTyping] = useState(false)
  const route = history[history.length - 1]!
  const screen = screens[route.name]!

  const navigation = useMemo<Navigation>(
    () => ({
      go: (next) => {
        setStatus(undefined)
        setHistory((routes) => [...routes, next])
      },
      back: () => setHistory((routes) => (routes.length > 1 ? routes.slice(0, -1) : routes)),
      say: setStatus,
      setTyping,
      keysLive: !helpOpen && !typing,
      typing,
      helpOpen,
      rows: rows - 4,
      columns
    }),
    [helpOpen, typing, rows, columns]
  )

  useKeys((input, key) => {
    if (helpOpen) {
      if (key.escape || input === "?" || input === "q") setHelpOpen(false)
      return
    }
    if (typing) return
    if (input === "q") return exit()
    if (input === "?") return setHelpOpen(true)
    if (input === "/") return navigation.go({ name: "search" })
    if (key.escape) return navigation.back()
    const target = numbered.find((_, index) => digitOf(index) === input)
    if (target !== undefined) navigation.go({ name: target } as Route)
  }, true)

  const Screen = screen.Component
  const tabsOf = (short: boolean) =>
    numbered
      .map((name, i) => {
        const here = name === route.name || (route.name === "meeting" && name === "sitting")
        const { title, short: brief } = screens[name]!
        const label = `${digitOf(i)} ${short ? (brief ?? title) : title}`
        return here ? `[${label}]` : label
      })
      .join(" ")
  const full = tabsOf(false)
  const tabs = full.length <= columns ? full : tabsOf(true)
  const unread = inbox.list().length
  return (
    <NavigationContext.Provider value={navigation}>
      <Box flexDirection="column" width={columns} height={rows}>
        <Text wrap="truncate-end" bold={colour}>
          {`Carepanel · ${policy.authority.name} · ${actor.name} (${actor.roles.join(", ").replaceAll("_", " ")}) · ✉ ${unread}`}
        </Text>
        <Text wrap="truncate-end">{tabs}</Text>
        <Box flexDirection="column" flexGrow={1} height={rows - 4} overflowY="hidden">
          {helpOpen ? <Help title={screen.title} keys={screen.keys} /> : <Screen route={route as never} />}
        </Box>
        <Text wrap="truncate-end">{status === undefined ? " " : `${status.kind === "refused" ? "✗ Refused:" : status.kind === "done" ? "✓" : "·"} ${status.text}`}</Text>
        <Text wrap="truncate-end" dimColor={colour}>
          {typing ? "typing: esc cancels the form" : "? help  / search  tab pane  j/k move  enter open  esc back  q quit"}
        </Text>
      </Box>
    </NavigationContext.Provider>
  )
}
