import { Box } from "ink"
import { Text } from "./Text.js"
import { useCore } from "./CoreContext.js"
import { globalKeys, type KeyHelp } from "./keys.js"

const Rows = ({ keys }: { readonly keys: ReadonlyArray<KeyHelp> }) => (
  <>
    {keys.map((key) => (
      <Text key={key.keys} wrap="truncate-end">{`  ${key.keys.padEnd(10)} ${key.does}`}</Text>
    ))}
  </>
)

/** The help overlay: this screen's keys first, then the keys that work everywhere. */
export const Help = ({ title, keys }: { readonly title: string; readonly keys: ReadonlyArray<KeyHelp> }) => {
  const { colour } = useCore()
  return (
    <Box flexDirection="column">
      <Text bold={colour}>{`Help: ${title}`}</Text>
      <Rows keys={keys} />
      <Text bold={colour}>Everywhere</Text>
      <Rows keys={globalKeys} />
    </Box>
  )
}
