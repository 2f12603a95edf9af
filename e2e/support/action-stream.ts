import type { APIRequestContext } from "@playwright/test";
import { callServerAction, serverActionId, type ActionAnswer } from "./server-actions";

/** One server action sent by the stream, and what the server said. */
export interface Attempt {
  kind: "submit" | "approve" | "remind";
  /** The assignment (submit, approve) or the reminder's unique message (remind). */
  key: string;
  input: Record<string, unknown>;
  startedAt: number;
  answeredAt: number;
  answer: ActionAnswer;
}

/** An assignment the liaison may submit: its version and the figures its task asks for. */
export interface Submittable {
  assignmentId: string;
  version: number;
  figureIds: string[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A refusal worth retrying: the server could not do it now (the change may or may not have committed). */
const retriable = (answer: ActionAnswer) => !answer.ok && (answer.code === "unavailable" || answer.code === "no_answer");

/**
 * Real work through the real server-action endpoint, as two people would do it
 * while the database goes away and comes back: the liaison submits assignments
 * one after another; the leader approves each acknowledged submission, and
 * sends 催办 reminders in between. Every attempt is recorded with its answer.
 */
export class ActionStream {
  readonly attempts: Attempt[] = [];
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly approvals: { assignmentId: string; version: number }[] = [];
  private readonly ids = {
    submit: serverActionId("app/(app)/tasks/[id]/actions.ts", "submit"),
    approve: serverActionId("app/(app)/reviews/actions.ts", "approveSubmissions"),
    remind: serverActionId("app/(app)/dashboard/actions.ts", "remindOneUnit"),
  };

  constructor(
    private readonly liaison: APIRequestContext,
    private readonly leader: APIRequestContext,
    private readonly unitId: string,
    private readonly submittables: Submittable[],
  ) {}

  start(): void {
    this.running = true;
    this.loops = [this.liaisonLoop(), this.leaderLoop()];
  }

  /** Lets the requests in flight finish, then stops both loops. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Attempts of a kind (or all) that started after `from` and were answered before `until`. */
  within(from: number, until: number, kind?: Attempt["kind"]): Attempt[] {
    return this.attempts.filter((a) => a.startedAt > from && a.answeredAt < until && (!kind || a.kind === kind));
  }

  acknowledged(kind: Attempt["kind"]): Attempt[] {
    return this.attempts.filter((a) => a.kind === kind && a.answer.ok);
  }

  private async send(kind: Attempt["kind"], key: string, pagePath: string, input: Record<string, unknown>) {
    const request = kind === "submit" ? this.liaison : this.leader;
    const startedAt = Date.now();
    const answer = await callServerAction(request, pagePath, this.ids[kind], input);
    this.attempts.push({ kind, key, input, startedAt, answeredAt: Date.now(), answer });
    return answer;
  }

  private async liaisonLoop(): Promise<void> {
    const queue = [...this.submittables];
    let n = 0;
    while (this.running && queue.length > 0) {
      const item = queue.shift()!;
      const answer = await this.send("submit", item.assignmentId, `/tasks/${item.assignmentId}`, {
        assignmentId: item.assignmentId,
        expectedVersion: item.version,
        note: `outage stream submission ${++n}`,
        figures: Object.fromEntries(item.figureIds.map((id) => [id, "1"])),
      });
      if (answer.ok) this.approvals.push({ assignmentId: item.assignmentId, version: Number(answer.data.version) });
      else if (retriable(answer)) queue.push(item);
      await pause(answer.ok ? 150 : 250);
    }
  }

  private async leaderLoop(): Promise<void> {
    let n = 0;
    while (this.running) {
      const approval = this.approvals.shift();
      let answer: ActionAnswer;
      if (approval) {
        answer = await this.send("approve", approval.assignmentId, "/reviews", { items: [approval] });
        if (retriable(answer)) this.approvals.push(approval);
      } else {
        const message = `outage stream reminder ${++n}`;
        answer = await this.send("remind", message, "/dashboard", { unitId: this.unitId, message });
      }
      await pause(answer.ok ? 150 : 250);
    }
  }
}
