const K1 = 1.2;
const B = 0.75;

const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how i if in into is it ' +
    'its me my no not of on or our please should so that the their them then there these they this to ' +
    'us was we were what when where which who why will with would you your am any about give'
  ).split(' '),
);

/** Lower-cased, lightly stemmed content words of a text: what passages are matched on. */
export function terms(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
  return words.flatMap((w) => {
    const word = stem(w.replace(/'s$/, ''));
    return word.length === 0 || STOPWORDS.has(word) ? [] : [word];
  });
}

/** Splits text into passages: lines, then sentences. */
export function passagesOf(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((p) => p.trim())
    .filter((p) => /[a-z0-9]/i.test(p));
}

/**
 * The passages that best answer `question` by BM25 over `passages`, at most `count`, in their original
 * order; none when no passage shares a content word with it.
 */
export function bestPassages(question: string, passages: readonly string[], count: number): string[] {
  const query = [...new Set(terms(question))];
  if (query.length === 0 || passages.length === 0) return [];
  const docs = passages.map(terms);
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / docs.length || 1;
  const scored = docs.map((doc, index) => {
    let score = 0;
    for (const t of query) {
      const tf = doc.filter((w) => w === t).length;
      if (tf === 0) continue;
      const n = df.get(t) ?? 0;
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / avgLength));
    }
    return { index, score };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, count)
    .sort((a, b) => a.index - b.index)
    .map((s) => passages[s.index]!);
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('e')) return word.slice(0, -1);
  return word;
}
