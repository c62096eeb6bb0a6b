/**
 * What a reader who may not read children's identities (an integrator without the API's identity scope) gets in
 * place of anything staff write in words, whether or not it holds text: the API's free-text fields and the free text
 * of the documents made for them. Words typed about a child can say anything (a name, a diagnosis, a conviction).
 */
export const redactedText = "[redacted: needs identity scope]"
