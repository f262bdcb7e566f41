// A deterministic partner list of N entries made from the bundled entries'
// own texts (ids and names numbered, sectors, states, dates, topics and
// highlights drawn by a seeded generator), for benchmarks and tests: a
// partner's list of the size the bench asks for, never shipped.
//
//   node scripts/synthetic.mjs 40 > list.json      (or import { synthetic })
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const STATES = ['AK', 'AL', 'AR', 'AZ', 'CA', 'CO', 'CT', 'DC', 'DE', 'FL', 'GA', 'HI', 'IA', 'ID', 'IL', 'IN', 'KS', 'KY', 'LA', 'MA', 'MD', 'ME', 'MI', 'MN', 'MO', 'MS', 'MT', 'NC', 'ND', 'NE', 'NH', 'NJ', 'NM', 'NV', 'NY', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VA', 'VT', 'WA', 'WI', 'WV', 'WY'];

/** The dataset object of `n` entries, titled `title`. */
export function syntheticDataset(n, title) {
  const base = JSON.parse(readFileSync(new URL('../public/data/partnerships.json', import.meta.url), 'utf8'));
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const topicIds = base.topics.map((t) => t.id);
  const partnerships = Array.from({ length: n }, (_, i) => {
    const model = base.partnerships[i % base.partnerships.length];
    const topics = [...new Set(Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(topicIds)))];
    return {
      ...model,
      id: `${model.id}-${i}`,
      name: `${model.name} ${i}`,
      sector: pick(base.sectors).id,
      state: pick(STATES),
      launched: rand() < 0.5 ? null : `${2000 + Math.floor(rand() * 25)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`,
      topics,
      highlights: Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(pick(base.partnerships).highlights)),
    };
  });
  return { ...base, ...(title ? { title } : {}), partnerships };
}

/** The same, as JSON text. */
export const synthetic = (n, title) => JSON.stringify(syntheticDataset(n, title));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 40);
  process.stdout.write(`${JSON.stringify(syntheticDataset(n, process.argv[3] ?? `A partner's list of ${n} (test data)`), null, 2)}\n`);
}
