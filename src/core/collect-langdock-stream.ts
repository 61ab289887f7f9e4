import type {
  LangdockContent,
  LangdockFinish,
  LangdockGenerateResult,
  LangdockStreamPart,
  LangdockStreamResult,
  LangdockStreamSpec,
  LangdockWarning,
} from './langdock-call';

type CollectedStart = { type: 'stream-start'; warnings: LangdockWarning[] };
type CollectedFinish = { type: 'finish'; finish: LangdockFinish };

/** A stream spec whose start and finish parts carry the core's own warnings and finish, for collecting. */
export const langdockCollectingStreamSpec: LangdockStreamSpec<CollectedStart, CollectedFinish> = {
  startPart: (warnings) => ({ type: 'stream-start', warnings }),
  finishPart: (finish) => ({ type: 'finish', finish }),
  // A stream cut short is an `interrupted` finish here, and becomes an error below.
  reportsInterruption: true,
};

/**
 * A generate result assembled from a streamed answer: how `generateText` outlives Langdock's proxy, which ends
 * a non-streaming call after about 100 seconds while a stream goes on. An error part, or a stream that broke
 * off before its end, fails the call as a non-streaming call would.
 */
export async function collectLangdockStream(
  result: LangdockStreamResult<LangdockStreamPart | CollectedStart | CollectedFinish>,
): Promise<LangdockGenerateResult> {
  const content: LangdockContent[] = [];
  const open = new Map<string, { type: 'text' | 'reasoning'; text: string } & object>();
  const metadata: LangdockGenerateResult['metadata'] = {};
  let warnings: LangdockWarning[] = [];
  let finish: LangdockFinish | undefined;
  const reader = result.stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const part = next.value;
    switch (part.type) {
      case 'stream-start':
        warnings = part.warnings;
        break;
      case 'finish':
        finish = part.finish;
        break;
      case 'text-start':
      case 'reasoning-start': {
        const type = part.type === 'text-start' ? 'text' : 'reasoning';
        const block: { type: 'text' | 'reasoning'; text: string; providerMetadata?: object } = {
          type,
          text: '',
          ...('providerMetadata' in part &&
            part.providerMetadata !== undefined && { providerMetadata: part.providerMetadata }),
        };
        open.set(`${type}:${part.id}`, block);
        content.push(block as LangdockContent);
        break;
      }
      case 'text-delta':
        appendTo(open.get(`text:${part.id}`), part.delta, undefined);
        break;
      case 'reasoning-delta':
        appendTo(open.get(`reasoning:${part.id}`), part.delta, part.providerMetadata);
        break;
      case 'tool-call':
        content.push({
          type: 'tool-call',
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          input: part.input,
        });
        break;
      case 'source':
        content.push(part);
        break;
      case 'response-metadata':
        if (part.id !== undefined) metadata.id = part.id;
        if (part.modelId !== undefined) metadata.modelId = part.modelId;
        if (part.timestamp !== undefined) metadata.timestamp = part.timestamp;
        break;
      case 'error':
        await reader.cancel().catch(() => {});
        throw part.error;
      default:
        break;
    }
  }
  if (finish === undefined) throw new Error('The Langdock stream ended without a finish part.');
  return {
    content,
    finish,
    metadata,
    warnings,
    request: result.request,
    response: { headers: result.response.headers, body: undefined },
  };
}

/** Reasoning deltas may carry metadata (Claude's signature comes last, with an empty delta): merged in. */
function appendTo(
  block: ({ text: string; providerMetadata?: object } & object) | undefined,
  delta: string,
  providerMetadata: Record<string, Record<string, unknown>> | undefined,
): void {
  if (block === undefined) return;
  block.text += delta;
  if (providerMetadata === undefined) return;
  const merged = { ...(block.providerMetadata as Record<string, Record<string, unknown>>) };
  for (const [key, values] of Object.entries(providerMetadata))
    merged[key] = { ...merged[key], ...values };
  block.providerMetadata = merged;
}
