import type { PointFigures, PointSettings } from './sweep-point.ts';

/** A scenario as workers receive it: plain data, so that it crosses a process boundary. */
export type ScenarioSpec =
  | {
      readonly kind: 'desk';
      /** Tickets in the queue. */
      readonly tickets: number;
      /** The agent's model, whose prices apply. */
      readonly model: string;
    }
  | {
      readonly kind: 'recorded';
      /** JSONL sessions of Messages API messages. */
      readonly sessionsPath: string;
      /** JSONL probes `{ question, answers }`, or `null` without fidelity checks. */
      readonly probesPath: string | null;
      /** The model the conversations were held with, whose prices and cache minimum apply. */
      readonly model: string;
    };

/** A scenario opened in one process, its inputs loaded: measures points one at a time. */
export interface Scenario {
  measure(settings: PointSettings): Promise<PointFigures>;
}

/** A one-line description of the scenario, for headings. */
export function describeScenario(spec: ScenarioSpec): string {
  switch (spec.kind) {
    case 'desk':
      return `customer-service desk, ${spec.tickets} tickets, ${spec.model} (simulated)`;
    case 'recorded':
      return `recorded conversations ${spec.sessionsPath}${spec.probesPath ? ` with probes ${spec.probesPath}` : ', no probes'}, priced as ${spec.model}`;
  }
}
