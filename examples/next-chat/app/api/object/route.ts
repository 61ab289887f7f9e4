// POST /api/object: generateText with Output.object; the provider sends json_object and tells the model the schema.
import { APICallError, Output, RetryError, generateText } from 'ai';
import { z } from 'zod';
import { MAX_CITY_CHARS } from '@/lib/chat-limits';
import { defaultChatModel } from '@/lib/chat-models';
import { citySchema, type CityResponse } from '@/lib/city';
import { describeError } from '@/server/error-message';
import { getLangdock } from '@/server/langdock';

export const runtime = 'nodejs';

const requestSchema = z.object({ city: z.string().trim().min(1).max(MAX_CITY_CHARS) });

export async function POST(request: Request): Promise<Response> {
  // This demo lets anyone in; a real app must authenticate here, since Langdock's rate limit and bill are per workspace.
  const body = requestSchema.safeParse(await request.json().catch(() => undefined));
  if (!body.success) {
    return Response.json(
      { error: `Name a city (1 to ${MAX_CITY_CHARS} characters).` } satisfies CityResponse,
      { status: 400 },
    );
  }
  const connection = await getLangdock();
  if (connection.mode === 'unconfigured')
    return Response.json({ error: connection.problem } satisfies CityResponse, { status: 500 });

  try {
    const { output } = await generateText({
      model: connection.langdock(defaultChatModel.id),
      output: Output.object({
        schema: citySchema,
        name: 'city',
        description: 'Facts a traveller wants about a city',
      }),
      prompt: `Describe the city ${body.data.city} for a traveller.`,
      abortSignal: request.signal,
    });
    return Response.json({ object: output } satisfies CityResponse);
  } catch (error) {
    // 502: the failure was upstream (Langdock), not in this server or in the browser's request.
    const cause = RetryError.isInstance(error) ? error.lastError : error;
    const status = APICallError.isInstance(cause) ? 502 : 500;
    return Response.json({ error: describeError(error) } satisfies CityResponse, { status });
  }
}
