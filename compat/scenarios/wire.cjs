'use strict';
// The Langdock side of every scenario: a loopback server that answers with scripted replies, and the
// chat completion, chunk and embedding bodies those replies are made of.

const { createServer } = require('node:http');

/** A loopback server that answers with scripted replies, in order, and records each request. */
async function startServer(replies) {
  const requests = [];
  const server = createServer(async (incoming, response) => {
    const chunks = [];
    for await (const chunk of incoming) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const request = {
      method: incoming.method,
      path: incoming.url,
      headers: incoming.headers,
      body: text === '' ? undefined : JSON.parse(text),
    };
    requests.push(request);
    const reply = replies[requests.length - 1];
    if (reply === undefined)
      return void response
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"message":"no reply scripted"}');
    reply(request, response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${server.address().port}/openai/eu/v1`,
    requests,
    close: () =>
      new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const json =
  (body, status = 200, headers = {}) =>
  (_request, response) =>
    response
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify(body));

const sse = (chunks) => (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const chunk of chunks) response.write(`data: ${JSON.stringify(chunk)}\n\n`);
  response.end('data: [DONE]\n\n');
};

/**
 * Sends `chunks` as an event stream (or, with `chunks` null, not even the status line), then holds the
 * response open until the client goes away. `arrived` resolves when the request is in; `closed` when the
 * client went away (its abort reached the server), with whether the server had finished its response.
 */
function hold(chunks) {
  let reportArrived;
  let reportClosed;
  const arrived = new Promise((resolve) => (reportArrived = resolve));
  const closed = new Promise((resolve) => (reportClosed = resolve));
  const reply = (_request, response) => {
    response.once('close', () => reportClosed(response.writableFinished));
    if (chunks !== null) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const chunk of chunks) response.write(`data: ${JSON.stringify(chunk)}\n\n`);
    }
    reportArrived();
  };
  return { reply, arrived, closed };
}

const chunk = (delta, finish_reason = null) => ({
  id: 'chatcmpl-c',
  object: 'chat.completion.chunk',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [{ index: 0, delta, finish_reason }],
});

const usageChunk = (usage = { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 }) => ({
  id: 'chatcmpl-c',
  object: 'chat.completion.chunk',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [],
  usage,
});

const completion = (
  content,
  usage = { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 },
) => ({
  id: 'chatcmpl-r',
  object: 'chat.completion',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage,
});

const toolCallCompletion = (id, name, args) => ({
  id: 'chatcmpl-t',
  object: 'chat.completion',
  created: 1764000000,
  model: 'gpt-4.1',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [{ id, type: 'function', function: { name, arguments: args } }],
      },
      finish_reason: 'tool_calls',
    },
  ],
  usage: { prompt_tokens: 20, completion_tokens: 8, total_tokens: 28 },
});

/** An embedding list with one short vector per input, `[index, index + 0.5]`, each tagged with its index. */
const embeddingList = (count, model = 'text-embedding-3-small') => ({
  object: 'list',
  data: Array.from({ length: count }, (_, index) => ({
    object: 'embedding',
    index,
    embedding: [index, index + 0.5],
  })),
  model,
  usage: { prompt_tokens: 4 * count, total_tokens: 4 * count },
});

module.exports = {
  startServer,
  json,
  sse,
  hold,
  chunk,
  usageChunk,
  completion,
  toolCallCompletion,
  embeddingList,
};
