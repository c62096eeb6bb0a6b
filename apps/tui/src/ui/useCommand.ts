import type { Effect } from "effect"
import { useLayoutEffect } from "react"
import type { TuiServices } from "../core/tuiLayer.js"
import { useCore } from "./CoreContext.js"
import { useNavigation } from "./Navigation.js"

/** Runs a command and says how it went on the status line: what was done, or the core's refusal in its own words. */
export const useCommand = () => {
  const { run } = useCore()
  const { say } = useNavigation()
  return async <A, E>(effect: Effect.Effect<A, E, TuiServices>, done: string): Promise<boolean> => {
    const outcome = await run(effect)
    say(outcome.ok ? { kind: "done", text: done } : { kind: "refused", text: outcome.message })
    return outcome.ok
  }
}

/**
 * While the component is shown, the keyboard types into it: the global keys wait until it closes. A layout effect,
 * so the keyboard is given back in the same commit that closes the form: a passive effect gives it back a moment
 * later, and a digit pressed as soon as the form's outcome shows was lost (seen under load in CI).
 */
export const useTypingMode = () => {
  const { setTyping } = useNavigation()
  useLayoutEffect(() => {
    setTyping(true)
    return () => setTyping(false)
  }, [setTyping])
}
