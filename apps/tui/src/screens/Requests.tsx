import { useKeys } from "../ui/useKeys.js"
import { type Referral, referralPermissions } from "@carepanel/core"
import { Box } from "ink"
import { Text } from "../ui/Text.js"
import { Effect } from "effect"
import { useState } from "react"
import { listWorkingRequests, upcomingSittings } from "../data/requests.js"
import { useCore, useLoad } from "../ui/CoreContext.js"
import { pad, referralState, words } from "../ui/describe.js"
import type { KeyHelp } from "../ui/keys.js"
import { List, useSelection } from "../ui/List.js"
import { useNavigation } from "../ui/Navigation.js"
import { useLoggedRead } from "../ui/useLoggedRead.js"
import { RequestForm, type RequestAction } from "./RequestForm.js"

export const requestsKeys: ReadonlyArray<KeyHelp> = [
  { keys: "a", does: "accept the request onto a sitting (panel administrator)" },
  { keys: "r", does: "return the request for changes, with the reason" },
  { keys: "l", does: "late permission onto a sitting (the chair, vice chair or assistant director grants it)" },
  { keys: "d", does: "redirect the request under a rule of the policy" },
  { keys: "enter", does: "open the request's sitting" }
]

const lateGranters = referralPermissions.GrantLatePermission.roles.map(words).join(", ")

/** Submitted, awaiting approval, ready and accepted requests, with what the administrator can do to each. */
export const Requests = () => {
  const { actor } = useCore()
  const navigation = useNavigation()
  const [action, setAction] = useState<RequestAction | undefined>(undefined)
  const { data, error } = useLoad(
    () =>
      Effect.all({ requests: listWorkingRequests(actor), sittings: upcomingSittings(actor) }),
    [actor]
  )
  const requests = data?.requests ?? []
  const [selected] = useSelection(requests.length, navigation.keysLive)
  const request: Referral | undefined = requests[selected]
  // Showing the children's names on the detail pane is a read of their records: logged, as the API logs it.
  useLoggedRead(request?.form.children.map((child) => child.childId) ?? [], ["fullName"], "tui: Requests")
  useKeys((input, key) => {
      if (request === undefined) return
      const chosen = ({ a: "accept", r: "return", l: "late", d: "redirect" } as const)[input as "a"]
      if (chosen !== undefined) setAction(chosen)
      if (key.return && request.sittingId !== undefined) navigation.go({ name: "sitting", sittingId: request.sittingId })
    }, navigation.keysLive)
  if (data === undefined) return <Text>{error ?? "Loading requests…"}</Text>
  const listHeight = Math.max(3, navigation.rows - 9)
  return (
    <Box flexDirection="column">
      <Text bold>{`Requests: ${requests.length} awaiting approval, ready or accepted`}</Text>
      <List
        items={requests}
        selected={selected}
        height={action === undefined ? listHeight : Math.max(2, listHeight - 6)}
        focused={action === undefined}
        empty="  No requests are waiting."
        row={(item) => `${pad(referralState[item.status], 20)} ${pad(item.id, 14)} ${pad(item.form.requestTypes.map(words).join(", "), 30)} ${item.form.children.map((child) => child.childId).join(", ")}`}
      />
      {request === undefined ? null : action === undefined ? (
        <Detail request={request} sittings={data.sittings} />
      ) : (
        <RequestForm
          key={`${request.id}-${action}`}
          request={request}
          action={action}
          sittings={data.sittings.filter((sitting) => sitting.panelId === request.form.panelId)}
          lateGranters={lateGranters}
          onDone={() => setAction(undefined)}
        />
      )}
    </Box>
  )
}

const Detail = ({ request, sittings }: { readonly request: Referral; readonly sittings: ReadonlyArray<{ readonly id: string; readonly date: string }> }) => {
  const on = request.sittingId === undefined ? undefined : sittings.find((sitting) => sitting.id === request.sittingId)
  return (
    <Box flexDirection="column" borderStyle="single" paddingX={1}>
      <Text wrap="truncate-end">{`${request.id} · ${referralState[request.status]} · ${request.form.children.map((child) => `${child.fullName} (${child.childId})`).join(", ")}`}</Text>
      <Text wrap="truncate-end">{`Asks for: ${request.form.requestTypes.map(words).join(", ")}`}</Text>
      <Text wrap="truncate-end">
        {request.pendingApprovals.length > 0
          ? `Waiting for: ${request.pendingApprovals.map((pending) => `${words(pending.role)} (${pending.ruleId})`).join(", ")}`
          : request.sittingId !== undefined
            ? `On the sitting ${on?.date ?? request.sittingId}${request.acceptedLate ? " (late, with permission)" : ""}`
            : "Ready for a sitting: a to accept it onto one"}
      </Text>
    </Box>
  )
}
