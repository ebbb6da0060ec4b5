// test/support/fakeProviders/server.ts
import { createServer } from "node:http";

// test/support/fakeProviders/codec.ts
import { randomBytes } from "node:crypto";
var isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var bodyOf = (request) => isRecord(request.body) ? request.body : {};
var requestId = (prefix) => `${prefix}${randomBytes(12).toString("hex")}`;

// test/support/fakeProviders/sse.ts
var jsonFrame = (data, event) => event === void 0 ? { data: JSON.stringify(data) } : { event, data: JSON.stringify(data) };
var encodeFrame = (frame) => `${frame.event === void 0 ? "" : `event: ${frame.event}
`}data: ${frame.data}

`;
var SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  connection: "keep-alive"
};
var tick = () => new Promise((resolve) => setImmediate(resolve));
var waitDrain = (res) => new Promise((resolve) => {
  const done = () => {
    res.off("drain", done);
    res.off("close", done);
    resolve();
  };
  res.on("drain", done);
  res.on("close", done);
});
var send = async (res, frame) => {
  if (res.destroyed || res.writableEnded) return false;
  if (!res.write(encodeFrame(frame))) await waitDrain(res);
  await tick();
  return !res.destroyed;
};
var writeStream = async (res, plan, options) => {
  if (options.hang === true) {
    const first = plan.frames[0];
    if (first !== void 0) await send(res, first);
    return;
  }
  const failAfter = options.failAfter;
  const frames = failAfter === void 0 ? plan.frames : plan.frames.slice(0, Math.max(0, failAfter));
  for (const frame of frames) if (!await send(res, frame)) return;
  if (failAfter !== void 0) {
    if (plan.failure === "drop") {
      res.destroy();
      return;
    }
    for (const frame of plan.failure(frames.length)) if (!await send(res, frame)) return;
  }
  if (!res.destroyed) res.end();
};

// test/support/fakeProviders/turn.ts
var DEFAULT_CHUNK_SIZE = 8;
var fragments = (text, size) => {
  const chars = Array.from(text);
  const step = Math.max(1, Math.floor(size));
  const out = [];
  for (let i = 0; i < chars.length; i += step) out.push(chars.slice(i, i + step).join(""));
  return out;
};
var estimate = (chars) => Math.max(1, Math.ceil(chars / 4));
var makeTurn = (reply, request, defaultModel, newId) => {
  const body = request.body;
  const model = typeof body === "object" && body !== null && "model" in body && typeof body.model === "string" ? body.model : defaultModel;
  const toolCalls = (reply.toolCalls ?? []).map(
    (call) => ({
      id: call.id,
      name: call.name,
      arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments ?? {}) ?? "{}"
    })
  );
  const reasoning = reply.reasoning ?? "";
  const text = reply.text ?? "";
  const outputChars = reasoning.length + text.length + toolCalls.reduce((n, c) => n + c.name.length + c.arguments.length, 0);
  const usage = reply.usage === null ? null : reply.usage ?? { input: estimate(typeof body === "string" ? body.length : (JSON.stringify(body) ?? "").length), output: estimate(outputChars) };
  return {
    request,
    model,
    reasoning,
    text,
    toolCalls,
    usage,
    finish: reply.finish ?? "stop",
    chunkSize: reply.chunkSize ?? DEFAULT_CHUNK_SIZE,
    created: Math.floor(Date.now() / 1e3),
    newId
  };
};

// test/support/fakeProviders/anthropic.ts
var errorTypes = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  504: "timeout_error",
  529: "overloaded_error"
};
var anthropicError = (status, message, type) => {
  const id = requestId("req_");
  return {
    status,
    body: { type: "error", error: { type: type ?? errorTypes[status] ?? (status >= 500 ? "api_error" : "invalid_request_error"), message }, request_id: id },
    headers: { "request-id": id }
  };
};
var stopReason = (turn) => turn.finish === "length" ? "max_tokens" : turn.toolCalls.length > 0 ? "tool_use" : "end_turn";
var usageOf = (turn) => turn.usage ?? { input: 0, output: 0 };
var signatureOf = (turn) => Buffer.from(`fake-signature:${turn.newId("sig_")}`).toString("base64");
var toolIds = (turn) => turn.toolCalls.map((call) => call.id ?? turn.newId("toolu_"));
var parseInput = (args) => {
  try {
    const value = JSON.parse(args);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
};
var messageShell = (turn, id) => ({ id, type: "message", role: "assistant", model: turn.model });
var stream = (turn) => {
  const usage = usageOf(turn);
  const frames = [];
  const emit = (type, fields) => {
    frames.push(jsonFrame({ type, ...fields }, type));
  };
  let pinged = false;
  let index = 0;
  const block = (start, deltas) => {
    emit("content_block_start", { index, content_block: start });
    if (!pinged) {
      emit("ping", {});
      pinged = true;
    }
    for (const delta of deltas) emit("content_block_delta", { index, delta });
    emit("content_block_stop", { index });
    index++;
  };
  emit("message_start", {
    message: {
      ...messageShell(turn, turn.newId("msg_")),
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: usage.input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: turn.usage === null ? 0 : 1 }
    }
  });
  if (turn.reasoning !== "")
    block({ type: "thinking", thinking: "", signature: "" }, [
      ...fragments(turn.reasoning, turn.chunkSize).map((thinking) => ({ type: "thinking_delta", thinking })),
      { type: "signature_delta", signature: signatureOf(turn) }
    ]);
  if (turn.text !== "") block({ type: "text", text: "" }, fragments(turn.text, turn.chunkSize).map((text) => ({ type: "text_delta", text })));
  const ids = toolIds(turn);
  turn.toolCalls.forEach((call, i) => {
    const parts = ["", ...fragments(call.arguments, turn.chunkSize)];
    block({ type: "tool_use", id: ids[i], name: call.name, input: {} }, parts.map((partial_json) => ({ type: "input_json_delta", partial_json })));
  });
  if (!pinged) emit("ping", {});
  emit("message_delta", { delta: { stop_reason: stopReason(turn), stop_sequence: null }, usage: { output_tokens: usage.output } });
  emit("message_stop", {});
  return { frames, failure: () => [jsonFrame({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }, "error")] };
};
var complete = (turn) => {
  const usage = usageOf(turn);
  const ids = toolIds(turn);
  return {
    ...messageShell(turn, turn.newId("msg_")),
    content: [
      ...turn.reasoning === "" ? [] : [{ type: "thinking", thinking: turn.reasoning, signature: signatureOf(turn) }],
      ...turn.text === "" ? [] : [{ type: "text", text: turn.text }],
      ...turn.toolCalls.map((call, i) => ({ type: "tool_use", id: ids[i], name: call.name, input: parseInput(call.arguments) }))
    ],
    stop_reason: stopReason(turn),
    stop_sequence: null,
    usage: { input_tokens: usage.input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: usage.output }
  };
};
var validate = (request) => {
  if (request.headers["anthropic-version"] === void 0) return anthropicError(400, "anthropic-version: header is required");
  const body = bodyOf(request);
  if (typeof body["model"] !== "string") return anthropicError(400, "model: Field required");
  if (typeof body["max_tokens"] !== "number") return anthropicError(400, "max_tokens: Field required");
  if (!Array.isArray(body["messages"])) return anthropicError(400, "messages: Field required");
  return void 0;
};
var anthropic = {
  generationPath: "/v1/messages",
  defaultModels: ["claude-sonnet-4-5-20250929"],
  validate,
  streaming: (request) => bodyOf(request)["stream"] === true,
  error: anthropicError,
  stream,
  complete
};

// test/support/fakeProviders/openaiChat.ts
var openAiErrorDefaults = (status) => {
  if (status === 401) return { type: "invalid_request_error", code: "invalid_api_key" };
  if (status === 403) return { type: "invalid_request_error", code: "unsupported_country_region_territory" };
  if (status === 404) return { type: "invalid_request_error", code: "model_not_found" };
  if (status === 429) return { type: "requests", code: "rate_limit_exceeded" };
  if (status >= 500) return { type: "server_error", code: null };
  return { type: "invalid_request_error", code: null };
};
var openAiError = (status, message, type, code) => {
  const defaults = openAiErrorDefaults(status);
  const derived = type === void 0 ? defaults.code : type === "requests" || type === "tokens" ? "rate_limit_exceeded" : type;
  const errorCode = code === void 0 ? derived : code;
  return {
    status,
    body: { error: { message, type: type ?? defaults.type, param: null, code: errorCode } },
    headers: { "x-request-id": requestId("req_") }
  };
};
var finishReason = (turn) => turn.finish === "length" ? "length" : turn.toolCalls.length > 0 ? "tool_calls" : "stop";
var includeUsage = (request) => {
  const options = bodyOf(request)["stream_options"];
  return typeof options === "object" && options !== null && "include_usage" in options && options.include_usage === true;
};
var usageObject = (usage) => ({
  prompt_tokens: usage.input,
  completion_tokens: usage.output,
  total_tokens: usage.input + usage.output
});
var toolCallIds = (turn) => turn.toolCalls.map((call) => call.id ?? turn.newId("call_"));
var stream2 = (turn) => {
  const id = turn.newId("chatcmpl-");
  const withUsage = includeUsage(turn.request) && turn.usage !== null;
  const chunk = (choices, usage = null) => jsonFrame({
    id,
    object: "chat.completion.chunk",
    created: turn.created,
    model: turn.model,
    system_fingerprint: "fp_fake",
    choices,
    ...withUsage ? { usage } : {}
  });
  const delta = (d, finish = null) => chunk([{ index: 0, delta: d, logprobs: null, finish_reason: finish }]);
  const frames = [delta({ role: "assistant", content: "", refusal: null })];
  for (const part of fragments(turn.reasoning, turn.chunkSize)) frames.push(delta({ reasoning_content: part }));
  for (const part of fragments(turn.text, turn.chunkSize)) frames.push(delta({ content: part }));
  const ids = toolCallIds(turn);
  turn.toolCalls.forEach((call, index) => {
    frames.push(delta({ tool_calls: [{ index, id: ids[index], type: "function", function: { name: call.name, arguments: "" } }] }));
    for (const part of fragments(call.arguments, turn.chunkSize)) frames.push(delta({ tool_calls: [{ index, function: { arguments: part } }] }));
  });
  frames.push(delta({}, finishReason(turn)));
  if (withUsage && turn.usage !== null) frames.push(chunk([], usageObject(turn.usage)));
  frames.push({ data: "[DONE]" });
  return { frames, failure: "drop" };
};
var complete2 = (turn) => {
  const ids = toolCallIds(turn);
  return {
    id: turn.newId("chatcmpl-"),
    object: "chat.completion",
    created: turn.created,
    model: turn.model,
    system_fingerprint: "fp_fake",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: turn.text === "" && turn.toolCalls.length > 0 ? null : turn.text,
          refusal: null,
          ...turn.reasoning === "" ? {} : { reasoning_content: turn.reasoning },
          ...turn.toolCalls.length === 0 ? {} : { tool_calls: turn.toolCalls.map((call, i) => ({ id: ids[i], type: "function", function: { name: call.name, arguments: call.arguments } })) }
        },
        logprobs: null,
        finish_reason: finishReason(turn)
      }
    ],
    ...turn.usage === null ? {} : { usage: usageObject(turn.usage) }
  };
};
var validate2 = (request) => {
  const body = bodyOf(request);
  if (typeof body["model"] !== "string") return openAiError(400, "you must provide a model parameter");
  if (!Array.isArray(body["messages"])) return openAiError(400, "Missing required parameter: 'messages'.");
  return void 0;
};
var openAiChat = {
  generationPath: "/v1/chat/completions",
  defaultModels: ["qwen3:latest"],
  validate: validate2,
  streaming: (request) => bodyOf(request)["stream"] === true,
  error: openAiError,
  stream: stream2,
  complete: complete2
};

// test/support/fakeProviders/listings.ts
var CREATED = 1735689600;
var CREATED_ISO = "2025-01-01T00:00:00Z";
var ollamaName = (name) => name.includes(":") ? name : `${name}:latest`;
var architecture = (id) => {
  const base = (id.split("/").pop() ?? id).split(":")[0] ?? id;
  const word = /^[a-z]+[0-9]*/i.exec(base)?.[0]?.toLowerCase();
  return word === void 0 || word === "" ? "llama" : word;
};
var openAiModel = (ctx, id) => ({
  id,
  object: "model",
  created: CREATED,
  owned_by: ctx.kind === "openai-chat" ? "library" : "system"
});
var anthropicModel = (id) => ({ type: "model", id, display_name: id, created_at: CREATED_ISO });
var ollamaDetails = (name) => ({
  parent_model: "",
  format: "gguf",
  family: architecture(name),
  families: [architecture(name)],
  parameter_size: "8.2B",
  quantization_level: "Q4_K_M"
});
var lmStudioModel = (ctx, id) => ({
  id,
  object: "model",
  type: "llm",
  publisher: "lmstudio-community",
  arch: architecture(id),
  compatibility_type: "gguf",
  quantization: "Q4_K_M",
  state: "loaded",
  max_context_length: ctx.contextWindow
});
var ollamaShow = (ctx, body) => {
  const requested = isRecord(body) ? typeof body["model"] === "string" ? body["model"] : body["name"] : void 0;
  if (typeof requested !== "string") return { status: 400, body: { error: "model is required" } };
  const found = ctx.models.find((m) => ollamaName(m) === ollamaName(requested));
  if (found === void 0) return { status: 404, body: { error: `model '${requested}' not found` } };
  const arch = architecture(found);
  return {
    status: 200,
    body: {
      license: "",
      modelfile: `# Modelfile generated by "ollama show"
FROM ${ollamaName(found)}
`,
      parameters: "temperature 0.6\ntop_p 0.95",
      template: "{{ .Prompt }}",
      details: ollamaDetails(found),
      model_info: {
        "general.architecture": arch,
        "general.parameter_count": 8190735360,
        [`${arch}.context_length`]: ctx.contextWindow,
        [`${arch}.embedding_length`]: 4096
      },
      capabilities: ["completion", "tools"],
      modified_at: CREATED_ISO
    }
  };
};
var oneModel = (ctx, id) => {
  const known = ctx.models.includes(id);
  if (ctx.kind === "anthropic")
    return known ? { status: 200, body: anthropicModel(id) } : anthropicError(404, `model: ${id}`);
  return known ? { status: 200, body: openAiModel(ctx, id) } : openAiError(404, `The model '${id}' does not exist or you do not have access to it.`);
};
var listing = (ctx, method, path, body) => {
  if (method === "GET" && path === "/v1/models") {
    if (ctx.kind === "anthropic")
      return {
        status: 200,
        body: { data: ctx.models.map(anthropicModel), has_more: false, first_id: ctx.models[0] ?? null, last_id: ctx.models[ctx.models.length - 1] ?? null }
      };
    return { status: 200, body: { object: "list", data: ctx.models.map((id) => openAiModel(ctx, id)) } };
  }
  if (method === "GET" && path.startsWith("/v1/models/")) return oneModel(ctx, decodeURIComponent(path.slice("/v1/models/".length)));
  if (ctx.kind !== "openai-chat") return void 0;
  if (method === "GET" && path === "/") return { status: 200, body: "Ollama is running" };
  if (method === "GET" && path === "/api/version") return { status: 200, body: { version: "0.12.6" } };
  if (method === "GET" && path === "/api/tags")
    return {
      status: 200,
      body: {
        models: ctx.models.map((m) => ({
          name: ollamaName(m),
          model: ollamaName(m),
          modified_at: CREATED_ISO,
          size: 5225388164,
          digest: "500a1f067a9f782620b40bee6f7b0c89e17ae61f686b92c24933e4ca4b2b8b41",
          details: ollamaDetails(m)
        }))
      }
    };
  if (method === "POST" && path === "/api/show") return ollamaShow(ctx, body);
  if (method === "GET" && path === "/api/v0/models") return { status: 200, body: { object: "list", data: ctx.models.map((id) => lmStudioModel(ctx, id)) } };
  if (method === "GET" && path.startsWith("/api/v0/models/")) {
    const id = decodeURIComponent(path.slice("/api/v0/models/".length));
    return ctx.models.includes(id) ? { status: 200, body: lmStudioModel(ctx, id) } : { status: 404, body: { error: `Model "${id}" not found` } };
  }
  return void 0;
};

// test/support/fakeProviders/openaiResponses.ts
var echoTools = (tools) => Array.isArray(tools) ? tools.map(
  (tool) => isRecord(tool) && tool["type"] === "function" ? { type: "function", name: tool["name"], description: tool["description"] ?? null, parameters: tool["parameters"] ?? null, strict: tool["strict"] ?? true } : tool
) : [];
var usageObject2 = (usage) => usage === null ? null : {
  input_tokens: usage.input,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: usage.output,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: usage.input + usage.output
};
var responseObject = (turn, id, status, output, extra = {}) => {
  const body = bodyOf(turn.request);
  const reasoning = isRecord(body["reasoning"]) ? body["reasoning"] : {};
  const number = (key, fallback) => typeof body[key] === "number" ? body[key] : fallback;
  return {
    id,
    object: "response",
    created_at: turn.created,
    status,
    background: false,
    error: extra.error ?? null,
    incomplete_details: extra.incomplete_details ?? null,
    instructions: typeof body["instructions"] === "string" ? body["instructions"] : null,
    max_output_tokens: typeof body["max_output_tokens"] === "number" ? body["max_output_tokens"] : null,
    max_tool_calls: null,
    model: turn.model,
    output,
    parallel_tool_calls: typeof body["parallel_tool_calls"] === "boolean" ? body["parallel_tool_calls"] : true,
    previous_response_id: typeof body["previous_response_id"] === "string" ? body["previous_response_id"] : null,
    reasoning: { effort: reasoning["effort"] ?? null, summary: reasoning["summary"] ?? null },
    service_tier: "default",
    store: typeof body["store"] === "boolean" ? body["store"] : true,
    temperature: number("temperature", 1),
    text: isRecord(body["text"]) ? body["text"] : { format: { type: "text" }, verbosity: "medium" },
    tool_choice: body["tool_choice"] ?? "auto",
    tools: echoTools(body["tools"]),
    top_logprobs: 0,
    top_p: number("top_p", 1),
    truncation: "disabled",
    usage: extra.usage ?? null,
    user: null,
    metadata: isRecord(body["metadata"]) ? body["metadata"] : {}
  };
};
var build = (turn) => {
  const responseId = turn.newId("resp_");
  const frames = [];
  let sequence = 0;
  const emit = (type, fields) => {
    frames.push(jsonFrame({ type, sequence_number: sequence++, ...fields }, type));
  };
  const output = [];
  const finalStatus = turn.finish === "length" ? "incomplete" : "completed";
  emit("response.created", { response: responseObject(turn, responseId, "in_progress", []) });
  emit("response.in_progress", { response: responseObject(turn, responseId, "in_progress", []) });
  if (turn.reasoning !== "") {
    const output_index = output.length;
    const item_id = turn.newId("rs_");
    const where = { item_id, output_index, summary_index: 0 };
    emit("response.output_item.added", { output_index, item: { id: item_id, type: "reasoning", summary: [] } });
    emit("response.reasoning_summary_part.added", { ...where, part: { type: "summary_text", text: "" } });
    for (const delta of fragments(turn.reasoning, turn.chunkSize)) emit("response.reasoning_summary_text.delta", { ...where, delta });
    emit("response.reasoning_summary_text.done", { ...where, text: turn.reasoning });
    emit("response.reasoning_summary_part.done", { ...where, part: { type: "summary_text", text: turn.reasoning } });
    const item = { id: item_id, type: "reasoning", summary: [{ type: "summary_text", text: turn.reasoning }] };
    emit("response.output_item.done", { output_index, item });
    output.push(item);
  }
  if (turn.text !== "") {
    const output_index = output.length;
    const item_id = turn.newId("msg_");
    const where = { item_id, output_index, content_index: 0 };
    const part = (text) => ({ type: "output_text", annotations: [], logprobs: [], text });
    emit("response.output_item.added", { output_index, item: { id: item_id, type: "message", status: "in_progress", content: [], role: "assistant" } });
    emit("response.content_part.added", { ...where, part: part("") });
    for (const delta of fragments(turn.text, turn.chunkSize)) emit("response.output_text.delta", { ...where, delta, logprobs: [] });
    emit("response.output_text.done", { ...where, text: turn.text, logprobs: [] });
    emit("response.content_part.done", { ...where, part: part(turn.text) });
    const item = { id: item_id, type: "message", status: finalStatus, content: [part(turn.text)], role: "assistant" };
    emit("response.output_item.done", { output_index, item });
    output.push(item);
  }
  for (const call of turn.toolCalls) {
    const output_index = output.length;
    const item_id = turn.newId("fc_");
    const base = { id: item_id, type: "function_call", call_id: call.id ?? turn.newId("call_"), name: call.name };
    emit("response.output_item.added", { output_index, item: { ...base, status: "in_progress", arguments: "" } });
    for (const delta of fragments(call.arguments, turn.chunkSize)) emit("response.function_call_arguments.delta", { item_id, output_index, delta });
    emit("response.function_call_arguments.done", { item_id, output_index, arguments: call.arguments });
    const item = { ...base, status: "completed", arguments: call.arguments };
    emit("response.output_item.done", { output_index, item });
    output.push(item);
  }
  return { frames, output, responseId };
};
var finalResponse = (turn, built) => turn.finish === "length" ? responseObject(turn, built.responseId, "incomplete", built.output, {
  usage: usageObject2(turn.usage),
  incomplete_details: { reason: "max_output_tokens" }
}) : responseObject(turn, built.responseId, "completed", built.output, { usage: usageObject2(turn.usage) });
var stream3 = (turn) => {
  const built = build(turn);
  const last = built.frames.length;
  const response = finalResponse(turn, built);
  const type = turn.finish === "length" ? "response.incomplete" : "response.completed";
  const frames = [...built.frames, jsonFrame({ type, sequence_number: last, response }, type)];
  const failed = responseObject(turn, built.responseId, "failed", [], {
    error: { code: "server_error", message: "The server had an error while processing your request. Sorry about that!" }
  });
  return { frames, failure: (written) => [jsonFrame({ type: "response.failed", sequence_number: written, response: failed }, "response.failed")] };
};
var validate3 = (request) => {
  const body = bodyOf(request);
  return typeof body["model"] === "string" ? void 0 : openAiError(400, "Missing required parameter: 'model'.");
};
var openAiResponses = {
  generationPath: "/v1/responses",
  defaultModels: ["gpt-5"],
  validate: validate3,
  streaming: (request) => bodyOf(request)["stream"] === true,
  error: openAiError,
  stream: stream3,
  complete: (turn) => finalResponse(turn, build(turn))
};

// test/support/fakeProviders/server.ts
var CODECS = {
  "openai-chat": openAiChat,
  "openai-responses": openAiResponses,
  anthropic
};
var NO_REPLY_LEFT = "fake provider: no scripted reply left";
var DEFAULT_CONTEXT_WINDOW = 40960;
var defaultErrorMessages = {
  400: "Invalid request",
  401: "Invalid API key",
  403: "Permission denied",
  404: "Model not found",
  429: "Rate limit exceeded, please retry later",
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
  529: "Overloaded"
};
var flattenHeaders = (req) => {
  const out = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== void 0) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
};
var readBody = async (req) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (raw === "") return { raw, body: null, invalidJson: false };
  try {
    return { raw, body: JSON.parse(raw), invalidJson: false };
  } catch {
    return { raw, body: raw, invalidJson: true };
  }
};
var send2 = (res, answer) => {
  if (res.destroyed || res.headersSent) return;
  const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    "content-type": typeof answer.body === "string" ? "text/plain; charset=utf-8" : "application/json",
    "content-length": Buffer.byteLength(text),
    ...answer.headers
  });
  res.end(text);
};
var FakeProvider = class _FakeProvider {
  constructor(kind, server, origin, options) {
    this.kind = kind;
    this.server = server;
    this.origin = origin;
    this.codec = CODECS[kind];
    this.baseUrl = kind === "anthropic" ? origin : `${origin}/v1`;
    const models = options.models !== void 0 && options.models.length > 0 ? options.models : this.codec.defaultModels;
    this.listingContext = { kind, models, contextWindow: options.contextWindow ?? DEFAULT_CONTEXT_WINDOW };
    server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    server.on("request", (req, res) => {
      res.on("error", () => void 0);
      this.handle(req, res).catch((e) => {
        send2(res, this.codec.error(500, `fake provider: ${e instanceof Error ? e.message : String(e)}`));
      });
    });
  }
  /** What a user puts in the provider's base URL setting: `${origin}/v1` for the OpenAI kinds, the origin for anthropic. */
  baseUrl;
  codec;
  listingContext;
  recorded = [];
  queue = [];
  sockets = /* @__PURE__ */ new Set();
  sleepers = /* @__PURE__ */ new Map();
  ids = 0;
  closing;
  /** Start a server of `kind` on 127.0.0.1 and a free port. */
  static async start(kind, options = {}) {
    if (!(kind in CODECS)) throw new Error(`unknown provider kind: ${String(kind)}`);
    const server = createServer();
    server.keepAliveTimeout = 1e3;
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    const { port } = server.address();
    return new _FakeProvider(kind, server, `http://127.0.0.1:${port}`, options);
  }
  /** Queue scripts, one per model call, first in first out. */
  enqueue(...scripts) {
    this.queue.push(...scripts);
  }
  /** Every request received (model calls and listings), in arrival order. */
  get requests() {
    return this.recorded;
  }
  /** Only the generation calls (POST to the kind's generation path). */
  modelCalls() {
    return this.recorded.filter((r) => r.method === "POST" && r.path === this.codec.generationPath);
  }
  /** Stop listening and destroy every open connection (hanging streams too). Idempotent. */
  close() {
    this.closing ??= new Promise((resolve) => {
      for (const [timer, wake] of this.sleepers) {
        clearTimeout(timer);
        wake();
      }
      this.sleepers.clear();
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
      this.server.closeAllConnections();
    });
    return this.closing;
  }
  newId(prefix) {
    this.ids++;
    return `${prefix}fake${String(this.ids).padStart(6, "0")}`;
  }
  sleep(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleepers.delete(timer);
        resolve();
      }, ms);
      this.sleepers.set(timer, resolve);
    });
  }
  notFound(method, path) {
    return this.kind === "anthropic" ? anthropicError(404, "Not Found") : openAiError(404, `Invalid URL (${method} ${path})`, "invalid_request_error", null);
  }
  async handle(req, res) {
    const { body, invalidJson } = await readBody(req);
    const method = req.method ?? "GET";
    const request = { method, path: new URL(req.url ?? "/", "http://fake").pathname, headers: flattenHeaders(req), body };
    this.recorded.push(request);
    if (method === "POST" && request.path === this.codec.generationPath) {
      await this.generate(request, invalidJson, res);
      return;
    }
    send2(res, listing(this.listingContext, method, request.path, body) ?? this.notFound(method, request.path));
  }
  async generate(request, invalidJson, res) {
    const refusal = invalidJson ? this.codec.error(400, "We could not parse the JSON body of your request.") : this.codec.validate(request);
    if (refusal !== void 0) return send2(res, refusal);
    const script = this.queue.shift();
    if (script === void 0) return send2(res, this.codec.error(500, NO_REPLY_LEFT));
    const reply = typeof script === "function" ? script(request) : script;
    if (reply.delayMs !== void 0 && reply.delayMs > 0) await this.sleep(reply.delayMs);
    if (this.closing !== void 0 || res.destroyed) return;
    if (reply.error !== void 0) {
      const { status, type, message, retryAfter } = reply.error;
      const answer = this.codec.error(status, message ?? defaultErrorMessages[status] ?? `HTTP ${status}`, type);
      return send2(res, { ...answer, headers: { ...answer.headers, ...retryAfter === void 0 ? {} : { "retry-after": retryAfter } } });
    }
    const turn = makeTurn(reply, request, this.listingContext.models[0] ?? "model", (prefix) => this.newId(prefix));
    const idHeader = this.kind === "anthropic" ? { "request-id": requestId("req_") } : { "x-request-id": requestId("req_") };
    if (this.codec.streaming(request)) {
      res.writeHead(200, { ...SSE_HEADERS, ...idHeader });
      res.flushHeaders();
      await writeStream(res, this.codec.stream(turn), {
        ...reply.hang === true ? { hang: true } : {},
        ...reply.streamErrorAfterChunks === void 0 ? {} : { failAfter: reply.streamErrorAfterChunks }
      });
      return;
    }
    if (reply.hang === true) {
      res.writeHead(200, { "content-type": "application/json", ...idHeader });
      res.flushHeaders();
      return;
    }
    if (reply.streamErrorAfterChunks !== void 0) {
      res.destroy();
      return;
    }
    send2(res, { status: 200, body: this.codec.complete(turn), headers: idHeader });
  }
};

// .tmp-mbench/fake.ts
var fake = await FakeProvider.start("anthropic");
for (let i = 0; i < 10; i++) fake.enqueue({ text: "Hello ".repeat(200), chunkSize: 4 });
console.log(fake.origin);
