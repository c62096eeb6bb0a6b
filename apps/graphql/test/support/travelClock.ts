import { shiftedClock } from "@carepanel/demo"

/**
 * A clock the test moves: the server keeps running in real time, but its domain can be taken to a sitting's morning
 * (the core refuses sittings in the past and decisions before their sitting).
 */
export const travelClock = () => {
  let offsetMs = 0
  return {
    clock: shiftedClock(() => offsetMs),
    /** Moves the domain's now to this instant (and on from there in real time). */
    travelTo: (instant: Date | string) => {
      offsetMs = new Date(instant).getTime() - Date.now()
    },
    now: () => new Date(Date.now() + offsetMs)
  }
}
