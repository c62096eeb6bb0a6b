/**
 * Production wording of graphql-js's and yoga's errors: no "Did you mean" (it names schema elements the
 * caller did not write) and none of the values the caller sent (a child's name typed into the wrong field
 * must not come back in an error, where proxies and client logs keep it). Identifiers the caller wrote in
 * the query document (field and argument names) stay, so a mistake can still be found.
 */

const didYouMean = /\s*Did you mean [^?]*\?/g

/** A path graphql-js builds from type-defined field names and list indexes only. */
const variablePath = String.raw`\w+(?:\.\w+|\[\d+\])*`

/** The reasons graphql-js gives for a bad value, reworded without the value; anything else gets the generic one. */
const reasons: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => string]> = [
  [/^Value [\s\S]* does not exist in "(\w+)" enum\.$/, (m) => `The value is not one of the values of the "${m[1]}" enum.`],
  [/^Field "[\s\S]*" is not defined by type "(\w+)"\.$/, (m) => `A field is not defined by type "${m[1]}".`],
  [/^(Field "\w+(?:\.\w+)?" of required type "[\w[\]!]+" was not provided\.)$/, (m) => m[1]!],
  [/^(Expected type "[\w[\]!]+" to be an object\.)$/, (m) => m[1]!],
  [/^Expected value of type "([\w[\]!]+)", found [\s\S]*$/, (m) => `Expected a value of type "${m[1]}".`],
  [/^(Int|Float|String|Boolean|ID) cannot represent ([^:"]*?):? [\s\S]*$/, (m) => `${m[1]} cannot represent ${m[2]}.`],
  [/^(A Date|A DateTime) must be a string\.$/, (m) => `${m[1]} must be a string.`]
]

const reasonWithoutValue = (reason: string): string => {
  for (const [pattern, write] of reasons) {
    const match = pattern.exec(reason)
    if (match) return write(match)
  }
  return "The value is not valid for its type."
}

const badVariable = new RegExp(String.raw`^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "(${variablePath})")?; ([\s\S]*)$`)
const badVariableAt = new RegExp(String.raw`^Variable "\$(\w+)" got invalid value [\s\S]*? at "(${variablePath})"; ([\s\S]*)$`)

const fromGraphQL = (message: string): string => {
  const variable = badVariableAt.exec(message) ?? badVariable.exec(message)
  if (variable) {
    const at = variable[2] === undefined ? "" : ` at "${variable[2]}"`
    return `Variable "$${variable[1]}" got an invalid value${at}; ${reasonWithoutValue(variable[3]!)}`
  }
  // graphql-js quotes the offending token ("Unexpected String "..."."): keep the kind, drop the token.
  if (message.startsWith("Syntax Error:")) return `${message.split('"')[0]!.trim().replace(/[,:]$/, "")}.`
  if (/^(Value |Expected value of type |(Int|Float|String|Boolean|ID) cannot represent |Field "[\s\S]*" is not defined by type )/.test(message)) {
    return reasonWithoutValue(message)
  }
  return message
}

export const productionMessage = (message: string): string => fromGraphQL(message.replace(didYouMean, ""))
