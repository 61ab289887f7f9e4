// Each generation's module loads only when asked for, so a process holds the providers of one generation.
import type { Generation } from './contenders';

export type GenerationId = Generation['id'];
export const generationIds: GenerationId[] = ['v2', 'v3', 'v4'];

export const isGenerationId = (value: string | undefined): value is GenerationId =>
  generationIds.some((id) => id === value);

export async function loadGeneration(id: GenerationId): Promise<Generation> {
  switch (id) {
    case 'v2':
      return (await import('./generation-v2')).generationV2;
    case 'v3':
      return (await import('./generation-v3')).generationV3;
    case 'v4':
      return (await import('./generation-v4')).generationV4;
  }
}
