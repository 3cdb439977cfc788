import { generateTickets } from './generate-tickets.ts';
for (let seed = 1; seed <= 60; seed++) {
  const t = generateTickets(5, seed);
  const pr = t.map((g) => g.template.priority);
  const distinct = new Set(pr).size;
  if (distinct >= 4) console.log(seed, t.map((g) => `${g.template.category}/${g.template.priority}`).join(' '));
}
