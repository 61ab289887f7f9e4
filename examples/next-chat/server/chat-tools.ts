// The chat's tools. A tool with an execute function: the model asks for it, the server runs it, the page shows both.
import 'server-only';
import { tool } from 'ai';
import { z } from 'zod';

const skies = ['sunny', 'cloudy', 'light rain', 'windy', 'foggy'] as const;

const weather = tool({
  description: 'Get the current weather in a city',
  inputSchema: z.object({ city: z.string().describe('The city name') }),
  // Made-up but stable numbers, so the demo needs no weather service.
  execute: async ({ city }) => {
    const seed = Array.from(city.toLowerCase()).reduce((sum, char) => sum + char.charCodeAt(0), 0);
    return { city, celsius: 8 + (seed % 18), sky: skies[seed % skies.length] ?? 'clear' };
  },
});

export const chatTools = { weather };
