import { freeTextFields, identityFields, identityWhenFields, redactedText } from "./fieldScopes.js"

const listed = (names: ReadonlyArray<string> | undefined) => (names ?? []).map((name) => `\`${name}\``).join(", ")

/** "`code` (when it is an offence code, J1-J3)": the fields withheld only when they hold art. 9 or 10 data. */
const listedWhen = (type: string) => Object.entries(identityWhenFields[type] ?? {}).map(([name, { what }]) => `\`${name}\` (when ${what})`)
const nullColumn = (type: string) => [listed(identityFields[type]), ...listedWhen(type)].filter((part) => part !== "").join(", ")

/** docs/api.md's table of the fields the identity scope reveals, printed from fieldScopes.ts (a test compares them). */
export const disclosureTable = (): string => {
  const types = [...new Set([...Object.keys(identityFields), ...Object.keys(identityWhenFields), ...Object.keys(freeTextFields)])].sort()
  return [
    `| type | withheld as \`null\` | withheld as \`"${redactedText}"\` |`,
    "|---|---|---|",
    ...types.map((type) => `| \`${type}\` | ${nullColumn(type)} | ${listed(freeTextFields[type])} |`)
  ].join("\n")
}
