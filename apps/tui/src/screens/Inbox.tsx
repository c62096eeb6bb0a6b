import { formatInstant } from "@carepanel/core"
import { DateTime } from "effect"
import { Box } from "ink"
import { Text } from "../ui/Text.js"
import { useCore } from "../ui/CoreContext.js"
import { pad, words } from "../ui/describe.js"
import type { KeyHelp } from "../ui/keys.js"
import { List, useSelection } from "../ui/List.js"
import { useNavigation } from "../ui/Navigation.js"
import { useKeys } from "../ui/useKeys.js"

export const inboxKeys: ReadonlyArray<KeyHelp> = [{ keys: "enter", does: "search for the request or decision the notification is about" }]

/** What the notification is about, by id, for the search: its decision, else its request, else its child. */
const subjectOf = (facts: Readonly<Record<string, string | number | boolean>>): string | undefined =>
  [facts.decisionId, facts.referralId, facts.childId].find((value): value is string => typeof value === "string" && value !== "")

/**
 * The terminal inbox: the notifications queued for the operator (named, or to a role they hold) in the
 * inbox's last `days` (`CAREPANEL_INBOX_DAYS`) and since, whichever process queued or sends them (`followInbox`), newest first; the selected one's body and, where it asks for action, by when and under which rule.
 */
export const Inbox = () => {
  const { inbox } = useCore()
  const navigation = useNavigation()
  const entries = inbox.list()
  const [selected] = useSelection(entries.length, navigation.keysLive)
  const current = entries[selected]
  useKeys((_input, key) => {
    const subject = current === undefined ? undefined : subjectOf(current.notification.facts)
    if (key.return && subject !== undefined) navigation.go({ name: "search", query: subject })
  }, navigation.keysLive)
  const listHeight = Math.max(3, Math.min(entries.length, Math.floor((navigation.rows - 3) / 2)))
  return (
    <Box flexDirection="column">
      <Text bold>{`✉ Inbox (${entries.length}): notifications for you queued in the last ${inbox.days === 1 ? "day" : `${inbox.days} days`}`}</Text>
      <List
        items={entries}
        selected={selected}
        height={listHeight}
        focused
        empty="  Nothing yet: notifications for you or your role appear here once queued."
        row={({ notification, queuedAt }) => `${pad(formatInstant(DateTime.unsafeMake(queuedAt)), 22)} ${pad(words(notification.kind), 24)} ${notification.actBy === undefined ? "" : "! act by · "}${notification.headline}`}
      />
      {current === undefined ? null : (
        <Box flexDirection="column" borderStyle="single" paddingX={1} height={Math.max(3, navigation.rows - listHeight - 2)} overflow="hidden">
          <Text bold wrap="truncate-end">{current.notification.headline}</Text>
          {current.notification.actBy === undefined ? null : <Text wrap="wrap">{`! Act by: ${current.notification.actBy.explanation}`}</Text>}
          {current.notification.body.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: body lines are fixed text in order; equal lines may repeat
            <Text key={index} wrap="wrap">
              {line}
            </Text>
          ))}
        </Box>
      )}
    </Box>
  )
}
