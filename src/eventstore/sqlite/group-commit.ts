/** What one request of a group came to: its result, or the error that refused it alone. */
export type GroupOutcome<Result> = { result: Result } | { error: unknown };

interface Waiting<Request, Result> {
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: requests submitted in the same turn of the event loop are handed to `commit`
 * together, once the turn's other callbacks have run (`setImmediate`), so concurrent writers share
 * one transaction and one fsync. `commit` answers each request on its own (a refused request does
 * not undo the others); if it throws, every request of the group fails with that error.
 */
export class GroupCommit<Request, Result> {
  private waiting: Waiting<Request, Result>[] = [];
  private scheduled: NodeJS.Immediate | null = null;

  constructor(private readonly commit: (requests: readonly Request[]) => GroupOutcome<Result>[]) {}

  submit(request: Request): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits what is waiting now (also called before the store closes). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const group = this.waiting;
    this.waiting = [];
    if (group.length === 0) return;
    let outcomes: GroupOutcome<Result>[];
    try {
      outcomes = this.commit(group.map(({ request }) => request));
    } catch (error) {
      for (const { reject } of group) reject(error);
      return;
    }
    group.forEach(({ resolve, reject }, index) => {
      const outcome = outcomes[index];
      if (outcome && 'result' in outcome) resolve(outcome.result);
      else reject(outcome ? outcome.error : new Error('the group commit answered no outcome'));
    });
  }
}
