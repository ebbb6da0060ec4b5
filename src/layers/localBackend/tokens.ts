/** Token estimates before a call: characters / 4, rounded up. */
import type { MessageBody } from "../../domain/localState.js"

export const estimateTokens = (text: string): number => Math.ceil(text.length / 4)

/** Per-message overhead the providers add (role markers, separators). */
const MESSAGE_OVERHEAD = 4

/** What a stored message costs in the context, as the model sees it. */
export const messageTokens = (body: MessageBody): number => {
  switch (body._tag) {
    case "user":
      return MESSAGE_OVERHEAD + estimateTokens(body.text)
    case "assistant": {
      let chars = body.text.length
      for (const part of body.reasoning) chars += part.text.length
      for (const call of body.toolCalls) chars += call.name.length + call.arguments.length + call.id.length
      return MESSAGE_OVERHEAD + Math.ceil(chars / 4)
    }
    case "tool":
      return MESSAGE_OVERHEAD + estimateTokens(body.output)
    case "summary":
      return MESSAGE_OVERHEAD + estimateTokens(body.text)
  }
}

/** The words conversation_search looks in. */
export const searchText = (body: MessageBody): string => {
  switch (body._tag) {
    case "user":
    case "assistant":
      return body.text
    case "tool":
      return body.output
    case "summary":
      return ""
  }
}
