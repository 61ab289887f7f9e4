// The object the /api/object route asks the model for, and the page renders.
import { z } from 'zod';

export const citySchema = z.object({
  name: z.string(),
  country: z.string(),
  population: z.number().int().min(0).describe('Inhabitants of the city proper'),
  famousFor: z.array(z.string()).describe('Three things the city is known for'),
  bestMonthToVisit: z.string(),
});

export type City = z.infer<typeof citySchema>;

export type CityResponse = { object: City } | { error: string };
