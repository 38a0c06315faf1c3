/** Resolves with the name of the first of `signals` the process receives. */
export function untilSignal(signals: readonly NodeJS.Signals[]): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handlers = signals.map((signal) => {
      const handler = () => {
        for (const [i, s] of signals.entries()) process.off(s, handlers[i]!);
        resolve(signal);
      };
      process.on(signal, handler);
      return handler;
    });
  });
}

/** Runs `action` on every `signal` until the returned function is called. */
export function onSignal(signal: NodeJS.Signals, action: () => void): () => void {
  process.on(signal, action);
  return () => process.off(signal, action);
}
