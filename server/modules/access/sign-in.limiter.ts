// Failed sign-ins per login and address in a sliding window. Per process by design: a few
// processes each allowing N attempts still stop guessing; a shared store can replace it later.
const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES = 5;

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
    this.failures.set(key, list);
    return list;
  }

  isBlocked(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length >= MAX_FAILURES;
  }

  fail(key: string, now = Date.now()): void {
    this.recent(key, now).push(now);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
