import { readFileSync } from "node:fs"

/** CPU milliseconds (user + system) a process has used so far, from /proc (so Linux only). */
export const cpuMsOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")
  return (Number(fields[11]) + Number(fields[12])) * 10
}
