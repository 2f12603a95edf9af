/**
 * A write that queued outside messages asks the worker of this process (if
 * it runs one) to send them now rather than at the next minute's sweep.
 * Without a local worker nothing happens: the sweep is the guarantee.
 */
const globalForWake = globalThis as unknown as { dubanWakeOutbox?: () => void };

export function setOutboxWaker(wake: (() => void) | undefined): void {
  globalForWake.dubanWakeOutbox = wake;
}

export function wakeOutbox(): void {
  globalForWake.dubanWakeOutbox?.();
}
