/** GraphQL documents the tests send, as an integrator would write them. */
const refusal = "... on DomainError { code message } ... on InvalidInput { problems { path message } }"

export const referralFields = "id status pendingApprovals { role ruleId } sittingId children { childId fullName dateOfBirth homeAddress } requestTypes seniorInput { from name givenOn input }"

export const mutation = (name: string, fields: string) =>
  `mutation Run($input: ${name.slice(0, 1).toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ${refusal} ${fields} } }`

export const onReferral = `... on Referral { ${referralFields} }`
export const onSitting = "... on Sitting { id date startsAt endsAt agenda { referralId childIds kind summary startsAt endsAt } agendaPublishedAt }"
export const onDecision = "... on Decision { id status outcome chairedBy { personId name } highlights { presentation discussion } pendingSignOffs { roles ruleId bySittingChair } actions { actionId progress dueDate } }"

export const viewerPolicy = "query Policy { viewer { authority { id policy } } }"

export const openActions = "query Actions { actions(state: open) { actionId decisionId ownerRole dueDate clock { ruleId state explanation } } }"

export const deadlines = "query Deadlines($days: Int) { deadlines(dueWithinDays: $days) { id aboutKind ruleId due state explanation } }"
