'use client';
// The chat: useChat streams from /api/chat; tool calls, the stop button and errors are shown as they happen.
import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport, type ChatStatus } from 'ai';
import { useState, type FormEvent } from 'react';
import { MAX_USER_MESSAGE_CHARS } from '@/lib/chat-limits';
import { errorText } from '@/lib/error-text';
import type { ChatMessage } from '@/lib/chat-message';

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
  const [failure, setFailure] = useState('');
  // useChat keeps a stopped answer as it was; remember which ones were cut short, to say so.
  const [stoppedIds, setStoppedIds] = useState<ReadonlySet<string>>(new Set());
  const busy = status === 'submitted' || status === 'streaming';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = input.trim();
    if (text === '' || busy) return;
    if (error) clearError();
    void sendMessage({ text }, failure === '' ? undefined : { body: { failure } });
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
          <li key={message.id} className={`message ${message.role}`} data-role={message.role}>
            <span className="who">{message.role === 'user' ? 'You' : 'Assistant'}</span>
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

function MessagePart({ part }: { part: ChatPart }) {
  switch (part.type) {
    case 'text':
      return <p className="text">{part.text}</p>;
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
      // step-start and the parts this app does not produce (reasoning, sources, files) need no markup here.
      return null;
  }
}
