import { describe, expect, it } from 'vitest';
import { createActor, type InspectionEvent, toPromise } from 'xstate';
import { agentMachine, type SampleOutput, type StepOutput } from './agent-machine.ts';
import { stepRunner } from './step-runner.ts';

const spent = { costUsd: 0, inputTokens: 0 };
const step = (output: Partial<StepOutput> = {}): StepOutput => ({ spent, needsCompaction: false, ...output });

/** The machine with a scripted step runner: each sample answers with the next stop reason. */
function scripted(stopReasons: SampleOutput['stopReason'][], compactFirst = false) {
  const replies = [...stopReasons];
  return agentMachine.provide({
    actors: {
      steps: stepRunner(async ({ step: name }) => {
        if (name === 'sample') return { ...step(), stopReason: replies.shift() ?? 'end_turn', text: 'hi' };
        return step({ needsCompaction: name === 'act' && compactFirst });
      }),
    },
  });
}

describe('agentMachine', () => {
  it('can be watched through XState inspection: preparing, sampling, acting, compacting, done', async () => {
    const states: string[] = [];
    const inspect = (event: InspectionEvent) => {
      if (event.type === '@xstate.snapshot' && event.actorRef === actor) {
        states.push(String((event.snapshot as unknown as { value: unknown }).value));
      }
    };
    const actor = createActor(scripted(['tool_use', 'end_turn'], true), {
      input: { maxIterations: 5, budget: {}, needsCompaction: false },
      inspect,
    });
    actor.start();
    await toPromise(actor);
    expect(states).toEqual(['sampling', 'acting', 'compacting', 'sampling', 'done']);
    expect(actor.getSnapshot().context).toMatchObject({ turns: 2, stopReason: 'end_turn', text: 'hi' });
  });

  it('restores from a persisted snapshot and runs the step it was in again', async () => {
    const first = createActor(scripted(['tool_use']), {
      input: { maxIterations: 5, budget: {}, needsCompaction: false },
    });
    first.start();
    const saved = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    first.stop();
    const restored = createActor(scripted(['end_turn']), {
      snapshot: saved,
      input: { maxIterations: 5, budget: {}, needsCompaction: false },
    });
    restored.start();
    await toPromise(restored);
    expect(restored.getSnapshot()).toMatchObject({
      value: 'done',
      context: { turns: 1, stopReason: 'end_turn' },
    });
  });

  it('stops for a limit before calling the model again', async () => {
    const actor = createActor(scripted(['tool_use', 'tool_use']), {
      input: { maxIterations: 1, budget: {}, needsCompaction: false },
    });
    actor.start();
    await toPromise(actor);
    expect(actor.getSnapshot()).toMatchObject({
      value: 'stopped',
      context: { turns: 1, stopReason: 'max_iterations' },
    });
  });
});
