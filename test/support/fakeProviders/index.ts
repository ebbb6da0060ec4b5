/**
 * Scripted fake model-provider servers for tests and the demo, one per wire API (OpenAI Chat
 * Completions, OpenAI Responses, Anthropic Messages), faithful to the real streaming formats.
 *
 *   const provider = await FakeProvider.start("anthropic")
 *   provider.enqueue({ text: "Hi" }, { toolCalls: [{ name: "Read", arguments: { file_path: "a" } }] })
 *   ... point the client at provider.baseUrl ...
 *   await provider.close()
 */
export { FakeProvider, NO_REPLY_LEFT } from "./server.js"
export type { FakeProviderOptions, ProviderKind, RecordedRequest, Script, ScriptedReply, ScriptedToolCall } from "./types.js"
