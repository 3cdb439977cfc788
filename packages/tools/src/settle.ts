/** How a handler call ended. */
export type Settlement =
  | { readonly type: 'returned'; readonly value: unknown }
  | { readonly type: 'threw'; readonly error: unknown }
  | { readonly type: 'timed-out' }
  | { readonly type: 'aborted' };

/**
 * Calls `fn` and waits for it, but no longer than `timeoutMs` or until `stop` aborts; either way the signal
 * handed to `fn` is aborted so that the handler can stop its work. A synchronous result is taken at once,
 * without arming a timer: a handler that never awaits cannot be interrupted anyway. The signal is made on
 * first use, because an AbortController costs more than running a trivial handler.
 */
export function settle(
  fn: (signal: () => AbortSignal) => unknown,
  timeoutMs: number,
  stop: AbortSignal | undefined,
): Settlement | Promise<Settlement> {
  let controller: AbortController | undefined;
  let abortReason: { readonly reason: unknown } | undefined;
  const signal = () => {
    if (controller === undefined) {
      controller = new AbortController();
      if (abortReason !== undefined) controller.abort(abortReason.reason);
    }
    return controller.signal;
  };
  const abort = (reason: unknown) => {
    abortReason = { reason };
    controller?.abort(reason);
  };

  let value: unknown;
  try {
    value = fn(signal);
  } catch (error) {
    return { type: 'threw', error };
  }
  if (!isPromiseLike(value)) return { type: 'returned', value };
  const pending = value;

  return new Promise<Settlement>((resolve) => {
    const finish = (settlement: Settlement) => {
      clearTimeout(timer);
      stop?.removeEventListener('abort', onStop);
      resolve(settlement);
    };
    const onStop = () => {
      abort(stop?.reason);
      finish({ type: 'aborted' });
    };
    const timer = setTimeout(() => {
      abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
      finish({ type: 'timed-out' });
    }, timeoutMs);
    if (stop?.aborted) return onStop();
    stop?.addEventListener('abort', onStop, { once: true });
    pending.then(
      (returned) => finish({ type: 'returned', value: returned }),
      (error: unknown) => finish({ type: 'threw', error }),
    );
  });
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
