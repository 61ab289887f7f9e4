// A Langdock agent as a model: stream its answer with the web search it ran and the sources it cites, hand it a
// file as an attachment, then ask it for a typed object. The agent's instructions, tools and model live in Langdock.
import { generateText, Output, streamText } from 'ai';
import { z } from 'zod';
import { connect } from './shared/connect';

// On the emulator a registered agent with web search; on Langdock an agent shared with your key.
const { langdock, baseURL, close } = await connect({
  agents: [{ id: 'research-agent', name: 'Researcher', webSearch: true }],
});
const agentId = baseURL === undefined ? process.env.LANGDOCK_AGENT_ID : 'research-agent';
try {
  if (!agentId)
    throw new Error(
      'Set LANGDOCK_AGENT_ID to an agent shared with this API key (Langdock: agent settings, API sharing).',
    );
  const agent = langdock.agent(agentId, { maxSteps: 5 });

  const result = streamText({
    model: agent,
    prompt: 'What is new about the river Spree in Berlin?',
  });
  for await (const part of result.stream) {
    // The agent's own tools ran at Langdock: provider-executed calls, which the AI SDK neither runs nor waits for.
    if (part.type === 'tool-call')
      console.log(`agent tool: ${part.toolName}(${JSON.stringify(part.input)})`);
    if (part.type === 'source' && part.sourceType === 'url')
      console.log(`source: ${part.title ?? part.url} <${part.url}>`);
    if (part.type === 'text-delta') process.stdout.write(part.text);
  }
  process.stdout.write('\n');
  const metadata = (await result.providerMetadata)?.langdock;
  console.log(
    `model: ${JSON.stringify(metadata?.messageMetadata ?? null)} | finish: ${await result.finishReason} | tokens: ${(await result.usage).totalTokens ?? 'not reported by agents'}`,
  );

  // Files go to Langdock first; a user message then refers to the attachment by id.
  const attachmentId = await langdock.uploadAttachment(
    new TextEncoder().encode('Spree length: 400 km\n'),
    { filename: 'spree.txt', mediaType: 'text/plain' },
  );
  const withFile = await generateText({
    model: agent,
    messages: [
      {
        role: 'user',
        content: 'What does the file say?',
        providerOptions: { langdock: { attachments: [attachmentId] } },
      },
    ],
  });
  console.log(`with attachment: ${withFile.text}`);
  await langdock.deleteAttachment(attachmentId);

  // Structured output: the schema goes to the agent as its `output`, and the answer is parsed and validated.
  const { output } = await generateText({
    model: agent,
    output: Output.object({ schema: z.object({ river: z.string(), lengthKm: z.number() }) }),
    prompt: 'Give the name and length of the river Spree.',
  });
  console.log(`object: ${JSON.stringify(output)}`);
} finally {
  await close();
}
