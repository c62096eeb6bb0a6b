import { followNewestPosition } from "@carepanel/core"

/**
 * The one place the TUI follows the store: `onChange` runs whenever the store's change feed brings new events,
 * whichever process wrote them (the API, the receiver, another TUI).
 */
export const followChanges = (onChange: (position: number) => void) => followNewestPosition(onChange)
