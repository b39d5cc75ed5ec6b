/** Collects bound values in the order their placeholders appear in the SQL text. */
export class Bindings {
  readonly values: unknown[] = [];

  /** A placeholder for `value`, with a cast when given (`?::date`). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `?::${cast}` : '?';
  }
}
