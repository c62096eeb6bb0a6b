import { execFile } from "node:child_process"

/** npm's own settings from the `npm run` that started the tests would leak into a child npm: drop them. */
const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith("npm_")))

export interface Ran {
  readonly stdout: string
  readonly stderr: string
}

/** Runs a command to its end; rejects with its output when it fails. */
export const run = (command: string, args: ReadonlyArray<string>, cwd: string): Promise<Ran> =>
  new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${stdout}\n${stderr}`))
      else resolve({ stdout, stderr })
    })
  })
