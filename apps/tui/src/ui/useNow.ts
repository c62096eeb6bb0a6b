import { Effect } from "effect"
import { useEffect, useState } from "react"
import { useCore } from "./CoreContext.js"

/** The core's clock (the machine's, or a test's), read now and every `everyMs`; undefined until the first read. */
export const useNow = (everyMs: number): Date | undefined => {
  const { run } = useCore()
  const [now, setNow] = useState<Date | undefined>(undefined)
  useEffect(() => {
    const tick = () => run(Effect.clockWith((clock) => clock.currentTimeMillis)).then((outcome) => setNow(new Date(outcome.ok ? outcome.value : Date.now())))
    tick()
    const timer = setInterval(tick, everyMs)
    return () => clearInterval(timer)
  }, [everyMs, run])
  return now
}
