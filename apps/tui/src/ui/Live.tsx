import { useStdout } from "ink"
import { Fiber } from "effect"
import { useEffect, useState } from "react"
import { followInbox } from "../core/inbox.js"
import type { TuiRuntime } from "../core/runtime.js"
import type { Actor } from "@carepanel/core"
import { exportDirOf } from "../config/env.js"
import { followChanges } from "../store/followChanges.js"
import { App } from "./App.js"
import { CoreProvider } from "./CoreContext.js"
import { KeysRoot } from "./useKeys.js"
import type { Route } from "./Navigation.js"

export interface LiveProps {
  readonly tui: TuiRuntime
  readonly actor: Actor
  readonly colour: boolean
  /** Fixed in tests; otherwise the terminal's, following resizes. */
  readonly size?: { readonly columns: number; readonly rows: number }
  readonly initial?: Route
  /** Where exported CSV files go; `CAREPANEL_EXPORT_DIR` or `./exports` unless given. */
  readonly exportDir?: string
}

const useTerminalSize = () => {
  const { stdout } = useStdout()
  const [size, setSize] = useState({ columns: stdout.columns || 80, rows: stdout.rows || 24 })
  useEffect(() => {
    const resize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 })
    stdout.on("resize", resize)
    return () => {
      stdout.off("resize", resize)
    }
  }, [stdout])
  return size
}

/**
 * The app on a running core: reloads its screens whenever any process writes to the store or the inbox fills; the
 * inbox opens with the operator's notifications of the last days and follows those queued after (subscribed first:
 * the first look may fill it at once).
 */
export const Live = ({ tui, actor, colour, size, initial, exportDir = exportDirOf() }: LiveProps) => {
  const [version, setVersion] = useState(0)
  const terminal = useTerminalSize()
  useEffect(() => {
    const bump = () => setVersion((current) => current + 1)
    const unsubscribe = tui.inbox.subscribe(bump)
    const fiber = tui.runtime.runFork(followChanges(bump))
    const inbox = tui.runtime.runFork(followInbox(tui.inbox))
    return () => {
      unsubscribe()
      tui.runtime.runFork(Fiber.interruptAll([fiber, inbox]))
    }
  }, [tui])
  const { columns, rows } = size ?? terminal
  return (
    <CoreProvider core={{ actor, policy: tui.policy, run: tui.run, inbox: tui.inbox, version, colour, exportDir }}>
      <KeysRoot>
        <App columns={columns} rows={rows} {...(initial === undefined ? {} : { initial })} />
      </KeysRoot>
    </CoreProvider>
  )
}
