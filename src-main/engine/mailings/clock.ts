/**
 * The time the mailings' throttle runs on. The engine uses the system's; tests pass one they move by hand, so
 * "2 a minute" is checked without waiting a minute.
 */
export interface Clock {
  now(): number;
  /** Calls back once `ms` of this clock's time have passed; returns a function that cancels the call. */
  after(ms: number, callback: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, callback) {
    const timer = setTimeout(callback, Math.max(0, ms));
    // A waiting mailing must not keep a one-shot process (the CLI) alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
