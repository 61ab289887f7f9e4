'use client';
// Asks /api/object for a typed object (generateText with Output.object, JSON mode) and renders its fields.
import { useState, type FormEvent } from 'react';
import { MAX_CITY_CHARS } from '@/lib/chat-limits';
import type { City, CityResponse } from '@/lib/city';

export function CityCard() {
  const [city, setCity] = useState('Munich');
  const [result, setResult] = useState<CityResponse>();
  const [loading, setLoading] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLoading(true);
    try {
      const response = await fetch('/api/object', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ city }),
      });
      setResult((await response.json()) as CityResponse);
    } catch {
      setResult({ error: 'The server could not be reached.' });
    } finally {
      setLoading(false);
    }
  }

  return (
    <section className="card object" aria-label="City facts">
      <h2>City facts</h2>
      <p className="hint">
        <code>generateText</code> with <code>Output.object</code> and a zod schema: the provider
        asks Langdock for JSON and the AI SDK validates it.
      </p>
      <form onSubmit={submit}>
        <input
          aria-label="City"
          maxLength={MAX_CITY_CHARS}
          value={city}
          onChange={(event) => setCity(event.target.value)}
        />
        <button type="submit" disabled={loading || city.trim() === ''}>
          {loading ? 'Generating…' : 'Generate'}
        </button>
      </form>
      {result && 'error' in result && (
        <p className="error" role="alert">
          {result.error}
        </p>
      )}
      {result && 'object' in result && <CityFacts city={result.object} />}
    </section>
  );
}

function CityFacts({ city }: { city: City }) {
  return (
    <dl className="facts" data-testid="city-facts">
      <dt>Name</dt>
      <dd>{city.name}</dd>
      <dt>Country</dt>
      <dd>{city.country}</dd>
      <dt>Population</dt>
      <dd>{city.population.toLocaleString('en')}</dd>
      <dt>Famous for</dt>
      <dd>{city.famousFor.join(', ')}</dd>
      <dt>Best month</dt>
      <dd>{city.bestMonthToVisit}</dd>
    </dl>
  );
}
