import { PRICES_AS_OF } from '@cairn/runtime';
import type { ScenarioSpec } from '../sweep/scenario.ts';

/** How each figure of a sweep was measured on this scenario, one sentence or two per item. */
export function methodNotes(spec: ScenarioSpec): string[] {
  const prices = `Prices are the runtime's table as of ${PRICES_AS_OF}: ${spec.model} for the agent, each summarizer model at its own.`;
  switch (spec.kind) {
    case 'desk':
      return [
        `Each point runs the customer-service desk with ${spec.tickets} tickets (the same seeded queue every time) ` +
          "on Cairn's runtime against the simulated model, offline, with the point's policy, threshold and summarizer model.",
        'Tokens and costs are what the simulator billed, its prompt-cache reads and writes included; summary calls are counted.',
        prices,
        'Fidelity: the share of tickets whose line in the final report matches the ground truth.',
      ];
    case 'recorded':
      return [
        'There is no agent: the conversations are replayed, one after another, through a ConversationManager with ' +
          "the point's policy and threshold. Every user message is followed by a request carrying the view; the " +
          'recorded assistant message is appended as its answer.',
        'Input tokens are what those requests would send (local js-tiktoken estimates with the model correction), ' +
          'output tokens the recorded assistant messages, plus every summary call.',
        'Cost with prompt caching assumes breakpoints after the system prompt and on the last message (as the ' +
          "runtime places them), entries that do not expire during the replay and the model's minimum cacheable " +
          'prompt: a request reads the previous one when the conversation only grew, else the system prompt alone.',
        'Summaries by a model are written by the simulator (offline) and billed as it reports; extractive summaries cost nothing.',
        prices,
        'Fidelity: the share of probes with an accepted answer (case-insensitive, at the start of a word) in the ' +
          "last request's context; recoverable also counts what the recall keys of compaction bring back.",
      ];
  }
}
