import { freeTextFields, identityFields, redactedText } from "./fieldScopes.js"

const listed = (names: ReadonlyArray<string> | undefined) => (names ?? []).map((name) => `\`${name}\``).join(", ")

/** docs/api.md's table of the fields the identity scope reveals, printed from fieldScopes.ts (a test compares them). */
export const disclosureTable = (): string => {
  const types = [...new Set([...Object.keys(identityFields), ...Object.keys(freeTextFields)])].sort()
  return [
    `| type | withheld as \`null\` | withheld as \`"${redactedText}"\` |`,
    "|---|---|---|",
    ...types.map((type) => `| \`${type}\` | ${listed(identityFields[type])} | ${listed(freeTextFields[type])} |`)
  ].join("\n")
}
