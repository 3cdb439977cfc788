/** The message sequence is not one the Messages API accepts; the message says how to fix it. */
export class ConversationError extends Error {
  /** Index the offending message would have had in the transcript. */
  readonly index: number;

  constructor(message: string, index: number, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.index = index;
  }
}

/** One part of the context that cannot be removed, and its estimated size. */
export interface BudgetPart {
  readonly part: 'system' | 'tools' | 'summary' | 'memory' | 'pinned' | 'latest request' | 'in-flight exchange';
  readonly tokens: number;
}

/** What must stay in the context is larger than the threshold allows. */
export class ContextBudgetError extends Error {
  readonly needed: number;
  readonly threshold: number;
  readonly parts: readonly BudgetPart[];

  constructor(needed: number, threshold: number, parts: readonly BudgetPart[]) {
    const listed = parts
      .filter((p) => p.tokens > 0)
      .sort((a, b) => b.tokens - a.tokens)
      .map((p) => `${p.part} ${p.tokens.toLocaleString('en-US')}`)
      .join(', ');
    super(
      `pinned content needs ${needed.toLocaleString('en-US')} tokens (estimated) but the threshold is ` +
        `${threshold.toLocaleString('en-US')} (${listed}); raise the threshold, shorten the largest part, ` +
        'or unpin messages',
    );
    this.name = new.target.name;
    this.needed = needed;
    this.threshold = threshold;
    this.parts = parts;
  }
}
