'use client';
// The agent chat: useChat streams from /api/agent; the agent's own tools show as chips, its sources as links.
import { useChat } from '@ai-sdk/react';
import {
  DefaultChatTransport,
  getToolName,
  isToolUIPart,
  type ChatStatus,
  type UIMessage,
} from 'ai';
import { useState, type FormEvent } from 'react';
import { emulatorAgentChoices } from '@/lib/agents';
import { MAX_USER_MESSAGE_CHARS } from '@/lib/chat-limits';
import { errorText } from '@/lib/error-text';

type AgentPart = UIMessage['parts'][number];

export function AgentChat({ emulated }: { emulated: boolean }) {
  const { messages, sendMessage, status, stop, error, clearError } = useChat({
    transport: new DefaultChatTransport({ api: '/api/agent' }),
  });
  const [input, setInput] = useState('');
  const [agent, setAgent] = useState<string>(emulatorAgentChoices[0].id);
  const busy = status === 'submitted' || status === 'streaming';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = input.trim();
    if (text === '' || busy) return;
    if (error) clearError();
    void sendMessage({ text }, emulated ? { body: { agent } } : undefined);
    setInput('');
  }

  return (
    <section className="card chat agent" aria-label="Agent chat">
      <h2>Agent</h2>
      <ol className="messages" aria-live="polite">
        {messages.length === 0 && (
          <li className="hint">
            Ask the agent anything; the researcher searches the web and cites its sources.
          </li>
        )}
        {messages.map((message) => (
          <li key={message.id} className={`message ${message.role}`} data-role={message.role}>
            <span className="who">{message.role === 'user' ? 'You' : 'Agent'}</span>
            {message.parts.map((part, index) => (
              <AgentMessagePart key={index} part={part} />
            ))}
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
          placeholder="What is new about the river Spree?"
          maxLength={MAX_USER_MESSAGE_CHARS}
          value={input}
          onChange={(event) => setInput(event.target.value)}
        />
        {busy ? (
          <button type="button" className="stop" onClick={() => void stop()}>
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
            Emulator agent{' '}
            <select
              aria-label="Agent"
              value={agent}
              onChange={(event) => setAgent(event.target.value)}
            >
              {emulatorAgentChoices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.label}
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
  submitted: 'Waiting for the agent…',
  streaming: 'Streaming…',
  ready: 'Ready',
  error: 'The last request failed',
};

function AgentMessagePart({ part }: { part: AgentPart }) {
  if (part.type === 'text') return <p className="text">{part.text}</p>;
  if (part.type === 'source-url') {
    return (
      <a
        className="source"
        data-source={part.sourceId}
        href={part.url}
        target="_blank"
        rel="noreferrer"
      >
        {part.title ?? part.url}
      </a>
    );
  }
  if (isToolUIPart(part)) {
    // The agent ran this tool at Langdock; the chip shows what it asked and whether it has its result.
    const name = getToolName(part);
    return (
      <div className="tool" data-tool={name} data-state={part.state}>
        <span className="tool-name">{name}</span>
        <code>{part.input === undefined ? '…' : JSON.stringify(part.input)}</code>
        {part.state === 'output-available' && <span className="tool-result">done</span>}
        {part.state === 'output-error' && <span className="tool-error">{part.errorText}</span>}
        {(part.state === 'input-streaming' || part.state === 'input-available') && (
          <span className="pending">running…</span>
        )}
      </div>
    );
  }
  // step-start, empty reasoning and data-conversation-id need no markup here.
  return null;
}
