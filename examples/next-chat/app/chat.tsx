'use client';
// The chat: useChat streams from /api/chat with the picked model; reasoning, tool calls, the stop button and errors
// are shown as they happen.
import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport, type ChatStatus } from 'ai';
import { useState, type FormEvent } from 'react';
import { MAX_USER_MESSAGE_CHARS } from '@/lib/chat-limits';
import { errorText } from '@/lib/error-text';
import type { ChatMessage } from '@/lib/chat-message';
import { chatModels, defaultChatModel, findChatModel, type ChatModelId } from '@/lib/chat-models';

type ChatPart = ChatMessage['parts'][number];

const failureDrills = [
  { value: '', label: 'No failure' },
  { value: 'rate-limit', label: 'Rate limit (429)' },
  { value: 'wrong-key', label: 'Wrong API key (401)' },
] as const;

export function Chat({ emulated }: { emulated: boolean }) {
  const { messages, sendMessage, status, stop, error, clearError } = useChat<ChatMessage>({
    transport: new DefaultChatTransport({ api: '/api/chat' }),
  });
  const [input, setInput] = useState('');
  const [model, setModel] = useState<ChatModelId>(defaultChatModel.id);
  const [failure, setFailure] = useState('');
  // useChat keeps a stopped answer as it was; remember which ones were cut short, to say so.
  const [stoppedIds, setStoppedIds] = useState<ReadonlySet<string>>(new Set());
  const busy = status === 'submitted' || status === 'streaming';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = input.trim();
    if (text === '' || busy) return;
    if (error) clearError();
    // The id goes with each message, so a conversation may switch models between turns; the server checks it.
    void sendMessage({ text }, { body: failure === '' ? { model } : { model, failure } });
    setInput('');
  }

  function stopAnswer() {
    const last = messages.at(-1);
    if (last?.role === 'assistant') setStoppedIds((ids) => new Set(ids).add(last.id));
    void stop();
  }

  return (
    <section className="card chat" aria-label="Chat">
      <h2>Chat</h2>
      <ol className="messages" aria-live="polite">
        {messages.length === 0 && (
          <li className="hint">
            Ask anything, or ask for the weather in a city to see the weather tool at work.
          </li>
        )}
        {messages.map((message) => (
          <li
            key={message.id}
            className={`message ${message.role}`}
            data-role={message.role}
            data-model={message.metadata?.model}
          >
            <span className="who">
              {message.role === 'user' ? 'You' : answeredBy(message.metadata?.model)}
            </span>
            {message.parts.map((part, index) => (
              <MessagePart key={index} part={part} />
            ))}
            {stoppedIds.has(message.id) && <span className="stopped">stopped</span>}
          </li>
        ))}
      </ol>
      {error && (
        <p className="error" role="alert">
          {errorText(error.message)}
        </p>
      )}
      <form onSubmit={submit} data-status={status}>
        <select
          aria-label="Model"
          value={model}
          disabled={busy}
          onChange={(event) =>
            setModel(findChatModel(event.target.value)?.id ?? defaultChatModel.id)
          }
        >
          {chatModels.map((offered) => (
            <option key={offered.id} value={offered.id}>
              {offered.label}
            </option>
          ))}
        </select>
        <input
          aria-label="Message"
          placeholder="What is the weather in Berlin?"
          maxLength={MAX_USER_MESSAGE_CHARS}
          value={input}
          onChange={(event) => setInput(event.target.value)}
        />
        {busy ? (
          <button type="button" className="stop" onClick={stopAnswer}>
            Stop
          </button>
        ) : (
          <button type="submit" disabled={input.trim() === ''}>
            Send
          </button>
        )}
      </form>
      <div className="footer">
        <span className="status">{statusText[status]}</span>
        {emulated && (
          <label className="drill">
            Emulator failure drill{' '}
            <select
              aria-label="Failure drill"
              value={failure}
              onChange={(event) => setFailure(event.target.value)}
            >
              {failureDrills.map((drill) => (
                <option key={drill.value} value={drill.value}>
                  {drill.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </section>
  );
}

const statusText: Record<ChatStatus, string> = {
  submitted: 'Waiting for the first token…',
  streaming: 'Streaming…',
  ready: 'Ready',
  error: 'The last request failed',
};

function answeredBy(modelId: ChatModelId | undefined): string {
  const label = modelId === undefined ? undefined : findChatModel(modelId)?.label;
  return label === undefined ? 'Assistant' : `Assistant · ${label}`;
}

function MessagePart({ part }: { part: ChatPart }) {
  switch (part.type) {
    case 'text':
      return <p className="text">{part.text}</p>;
    case 'reasoning':
      // Claude's thinking, folded away; GPT-5 on chat completions keeps its reasoning to itself.
      return (
        <details className="reasoning" data-state={part.state}>
          <summary>{part.state === 'streaming' ? 'Thinking…' : 'Reasoning'}</summary>
          <p>{part.text === '' ? 'The model did not show this thinking.' : part.text}</p>
        </details>
      );
    case 'tool-weather':
      return (
        <div className="tool" data-tool="weather" data-state={part.state}>
          <span className="tool-name">weather</span>
          <code>{part.input === undefined ? '…' : JSON.stringify(part.input)}</code>
          {part.state === 'output-available' && (
            <span className="tool-result">
              {part.output.city}: {part.output.celsius} °C, {part.output.sky}
            </span>
          )}
          {part.state === 'output-error' && <span className="tool-error">{part.errorText}</span>}
          {(part.state === 'input-streaming' || part.state === 'input-available') && (
            <span className="pending">running…</span>
          )}
        </div>
      );
    default:
      // step-start and the parts this app does not produce (sources, files) need no markup here.
      return null;
  }
}
