import { describe, expect, it } from 'vitest';
import { LatestQuery } from '../../src-renderer/features/compose/fields/latest-query.js';

/**
 * The recipient field asks for suggestions as the person types. Given answers that come back out of order (the
 * engine answers "an" after "ana"), the field shows the answer to what is typed now, and asks once per pause.
 */
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function engineAnswering(delays: Record<string, number>) {
  const asked: string[] = [];
  const fetch = async (q: string) => {
    asked.push(q);
    await wait(delays[q] ?? 0);
    return `answer to ${q}`;
  };
  return { asked, fetch };
}

describe('suggestions as one types', () => {
  it('asks once when the typing pauses, for what is typed then', async () => {
    const engine = engineAnswering({});
    const shown: string[] = [];
    const latest = new LatestQuery(engine.fetch, (a) => shown.push(a), (e) => shown.push(String(e)), 30);
    latest.ask('a');
    latest.ask('an');
    latest.ask('ana');
    await wait(80);
    expect(engine.asked).toEqual(['ana']);
    expect(shown).toEqual(['answer to ana']);
  });

  it('drops an answer that comes back after a newer question went out', async () => {
    const engine = engineAnswering({ an: 120, ana: 10 });
    const shown: string[] = [];
    const latest = new LatestQuery(engine.fetch, (a) => shown.push(a), (e) => shown.push(String(e)), 5);
    latest.ask('an');
    await wait(30);
    latest.ask('ana');
    await wait(200);
    expect(engine.asked).toEqual(['an', 'ana']);
    expect(shown).toEqual(['answer to ana']);
  });

  it('delivers nothing once the field is cleared, answers and refusals alike', async () => {
    const shown: string[] = [];
    const latest = new LatestQuery(
      async (q: string) => {
        await wait(20);
        if (q === 'x') throw new Error('refused');
        return q;
      },
      (a) => shown.push(a),
      (e) => shown.push(`failed: ${String(e)}`),
      1,
    );
    latest.ask('ana');
    await wait(5);
    latest.cancel();
    latest.ask('x');
    await wait(5);
    latest.cancel();
    await wait(60);
    expect(shown).toEqual([]);
    latest.ask('x');
    await wait(60);
    expect(shown).toEqual(['failed: Error: refused']);
  });
});
