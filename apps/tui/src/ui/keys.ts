import type { Key } from "ink"

/** One key and what it does, as the help overlay lists it. */
export interface KeyHelp {
  readonly keys: string
  readonly does: string
}

/** The same keys on every screen (k9s and lazygit habits): shown under every screen's own keys in its help. */
export const globalKeys: ReadonlyArray<KeyHelp> = [
  { keys: "?", does: "help for this screen (esc closes)" },
  { keys: "/", does: "search by child, request or decision id" },
  { keys: "tab", does: "next pane" },
  { keys: "j k ↑ ↓", does: "move" },
  { keys: "enter", does: "open" },
  { keys: "esc", does: "back" },
  { keys: "1-9 0", does: "the numbered screens along the top" },
  { keys: "q", does: "quit" }
]

export const isUp = (input: string, key: Key): boolean => key.upArrow || input === "k"
export const isDown = (input: string, key: Key): boolean => key.downArrow || input === "j"
