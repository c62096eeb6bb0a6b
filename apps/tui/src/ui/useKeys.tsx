import { type Key, useInput } from "ink"
import { keysIn } from "./keysIn.js"
import { createContext, type ReactNode, type RefObject, useContext, useLayoutEffect, useRef, useState } from "react"

interface Listener {
  readonly handler: (input: string, key: Key) => void
  readonly active: boolean
}

const KeysContext = createContext<Set<RefObject<Listener>> | undefined>(undefined)

/**
 * One subscription to the keyboard for the whole app, handing each key to the screens' handlers as they are in the
 * frame on the screen. Ink subscribes each `useInput` in a passive effect, after the frame is painted: a key typed
 * in between (a fast typist, a paste, tmux) would reach the previous frame's handler or none. Handlers registered
 * here in a layout effect are in place before the next key can be read.
 */
export const KeysRoot = ({ children }: { readonly children: ReactNode }) => {
  const [listeners] = useState(() => new Set<RefObject<Listener>>())
  useInput((input, key) => {
    for (const [one, oneKey] of keysIn(input, key)) {
      for (const listener of [...listeners]) if (listener.current.active) listener.current.handler(one, oneKey)
    }
  })
  return <KeysContext.Provider value={listeners}>{children}</KeysContext.Provider>
}

/** Keys for this component while `active`; the handler always sees this render's data. */
export const useKeys = (handler: (input: string, key: Key) => void, active: boolean): void => {
  const listeners = useContext(KeysContext)
  if (listeners === undefined) throw new Error("useKeys outside KeysRoot")
  const latest = useRef<Listener>({ handler, active })
  latest.current = { handler, active }
  useLayoutEffect(() => {
    listeners.add(latest)
    return () => {
      listeners.delete(latest)
    }
  }, [listeners])
}
