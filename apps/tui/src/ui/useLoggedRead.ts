import { useEffect } from "react"
import { recordRead } from "../store/accessLog.js"
import { useCore } from "./CoreContext.js"

/** Logs that these children's fields are on the screen, once each time they come into view (as the API logs a query). */
export const useLoggedRead = (childIds: ReadonlyArray<string>, fields: ReadonlyArray<string>, purpose: string) => {
  const { run, actor } = useCore()
  const children = childIds.join("\n")
  const read = fields.join("\n")
  useEffect(() => {
    if (children !== "") run(recordRead(actor, children.split("\n"), read.split("\n"), purpose))
  }, [run, actor, children, read, purpose])
}
