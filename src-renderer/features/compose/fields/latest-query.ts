/**
 * Questions asked as a person types: each waits `delayMs` for the typing to pause, and only the answer to the last
 * question asked is delivered. An answer for "an" that comes back after "ana" was asked is dropped, whichever
 * order the engine answers in; so is any answer once `cancel()` is called (the field was cleared or left).
 */
export class LatestQuery<Q, A> {
  private asked = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly fetch: (query: Q) => Promise<A>,
    private readonly deliver: (answer: A) => void,
    private readonly fail: (error: unknown) => void,
    private readonly delayMs: number,
  ) {}

  ask(query: Q): void {
    this.cancel();
    const mine = this.asked;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.fetch(query).then(
        (answer) => mine === this.asked && this.deliver(answer),
        (error: unknown) => mine === this.asked && this.fail(error),
      );
    }, this.delayMs);
  }

  cancel(): void {
    this.asked++;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
