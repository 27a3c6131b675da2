import { isHidden } from '../../shared/alarm/lifecycle';
import type { AlarmRecord } from '../../shared/alarm/model';
import type { NotificationPolicy, RecipientRole } from '../../shared/plant/alarmConfig';
import type { LocalText, Plant } from '../../shared/plant/schema';
import { NOTICE_ID_LIMIT, type EventBody, type JournalEvent } from '../../shared/state/events';
import type { CommandEngine } from '../engine/CommandEngine';
import { Consolidator } from './Consolidator';
import { webhookBody, type Recipient } from './notificationBody';
import { createWebhookPoster, type WebhookPoster } from './webhook';

type Rule = NotificationPolicy['rules'][number];

export interface NotificationServiceDeps {
  plant: Plant;
  engine: CommandEngine;
  /** Webhook endpoints every webhook notice is POSTed to (none: the webhook channel is off). */
  webhooks: readonly string[];
  /** Injected for tests; default: fetch with a 3 s timeout and one retry. */
  post?: WebhookPoster;
}

interface Tracked {
  alarm: AlarmRecord;
  rule: Rule;
  /** Activation time the escalation delays count from. */
  since: number;
  /** Index of the next escalation in rule.escalate. */
  next: number;
}

/** An event for the tick's batch (the shape PlantRuntime stages return). */
interface StageEvent {
  body: EventBody;
  actor: string;
}

/**
 * Graded pushes (分级预警) from the plant's notification policy. It watches `alarm.changed`:
 * an activation of an annunciated alarm (not shelved, suppressed or out of service) is told at
 * once to the rule's roles responsible for the alarm's area, and escalated step by step while it
 * stays unacknowledged; an ack, a clear, a shelve, a suppression or removal from service ends
 * its escalation. As a tick stage (after the alarm stage) it sends what the tick brought, at the
 * tick's time, so tests drive it with the server's clock. Bursts are consolidated (Consolidator).
 *
 * Channels: `console` — the `alarm.notified` event itself, appended with the tick's batch;
 * `webhook` — a POST to every configured URL (server/notify/webhook), journaled as
 * `alarm.notified` with `delivered` and the error when it completes. A webhook never blocks
 * the tick and its failure never throws. On start, unacknowledged active alarms resume their
 * remaining escalations (first notices are not repeated).
 */
export class NotificationService {
  private readonly policy: NotificationPolicy | undefined;
  private readonly tracked = new Map<string, Tracked>();
  private fresh: AlarmRecord[] = [];
  private nextDue = Infinity;
  private readonly consolidator: Consolidator<AlarmRecord> | null;
  private readonly areaNames: Map<string, LocalText>;
  private readonly post: WebhookPoster;
  private counter = 0;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  private readonly inFlight = new Set<Promise<void>>();

  /** Plug into PlantRuntime's tick after the alarm stage. */
  readonly stage = { name: 'notifications', run: (_batch: unknown, now: number): StageEvent[] => this.run(now) };

  constructor(private readonly d: NotificationServiceDeps) {
    this.policy = d.plant.notifications;
    this.consolidator = this.policy ? new Consolidator(this.policy.consolidation.windowS * 1000, this.policy.consolidation.maxSingles) : null;
    this.areaNames = new Map(d.plant.areas.map((a) => [a.id, a.name]));
    this.post = d.post ?? createWebhookPoster();
  }

  /** Subscribes to the journal and resumes escalations of alarms still unacknowledged. */
  start(): void {
    if (!this.policy || this.unsubscribe) return;
    this.unsubscribe = this.d.engine.onEvent((e) => this.onEvent(e));
    for (const a of Object.values(this.d.engine.state.alarms)) {
      if (!a.lifecycle.active || a.lifecycle.acked || isHidden(a.lifecycle)) continue;
      const rule = this.ruleFor(a);
      if (!rule) continue;
      const since = a.activatedAt ?? a.lastChange;
      const now = this.d.engine.state.time;
      let next = 0;
      while (next < rule.escalate.length && since + (rule.escalate[next] as Rule['escalate'][number]).afterS * 1000 <= now) next++;
      this.track({ alarm: a, rule, since, next });
    }
  }

  /**
   * Stops listening and waits up to `waitMs` for webhook posts under way, so that their results
   * are journaled before the store closes; a slower endpoint's result is logged, not journaled.
   */
  async stop(waitMs = 2000): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
    clearTimeout(timer);
  }

  private ruleFor(a: AlarmRecord): Rule | undefined {
    return this.policy?.rules.find((r) => r.priorities.includes(a.priority));
  }

  private recipients(role: RecipientRole, area: string): Recipient[] {
    return (this.policy?.recipients ?? []).filter((r) => r.role === role && (r.areas === '*' || r.areas.includes(area)));
  }

  private track(t: Tracked): void {
    this.tracked.set(t.alarm.id, t);
    const step = t.rule.escalate[t.next];
    if (step) this.nextDue = Math.min(this.nextDue, t.since + step.afterS * 1000);
  }

  private onEvent(e: JournalEvent): void {
    if (e.type !== 'alarm.changed') return;
    const a = e.payload.alarm;
    const l = a.lifecycle;
    if (e.payload.cause === 'activate' && l.active && !isHidden(l)) {
      const rule = this.ruleFor(a);
      if (!rule) return;
      this.fresh.push(a);
      this.track({ alarm: a, rule, since: e.time, next: 0 });
      return;
    }
    const t = this.tracked.get(a.id);
    if (!t) return;
    if (l.acked || !l.active || isHidden(l)) this.tracked.delete(a.id);
    else t.alarm = a;
  }

  /** Still worth telling: tracked (active, unacknowledged, shown). */
  private live = (a: AlarmRecord): boolean => this.tracked.has(a.id);

  /** One tick: first notices, escalations due, consolidated overflow; returns the console events. */
  run(now: number): StageEvent[] {
    if (!this.policy || !this.consolidator) return [];
    const c = this.consolidator;
    // (recipient, step) → alarms, in a stable order.
    const queue = new Map<string, { recipient: Recipient; step: number; alarms: AlarmRecord[] }>();
    const enqueue = (role: RecipientRole, a: AlarmRecord, step: number): void => {
      for (const r of this.recipients(role, a.area)) {
        const key = `${r.id}\u0000${step}`;
        const q = queue.get(key);
        if (q) q.alarms.push(a);
        else queue.set(key, { recipient: r, step, alarms: [a] });
      }
    };
    const fresh = this.fresh;
    this.fresh = [];
    for (const a of fresh) {
      const t = this.tracked.get(a.id);
      if (!t) continue;
      for (const role of t.rule.notify) enqueue(role, t.alarm, 0);
    }
    if (now >= this.nextDue) {
      this.nextDue = Infinity;
      for (const t of this.tracked.values()) {
        let step = t.rule.escalate[t.next];
        while (step && t.since + step.afterS * 1000 <= now) {
          t.next++;
          enqueue(step.to, t.alarm, t.next);
          step = t.rule.escalate[t.next];
        }
        if (step) this.nextDue = Math.min(this.nextDue, t.since + step.afterS * 1000);
      }
    }
    c.forget(this.live);
    const notices = c.flush(now);
    for (const q of queue.values()) notices.push(...c.offer(q.recipient.id, q.step, q.alarms, now));
    const events: StageEvent[] = [];
    const byId = new Map(this.policy.recipients.map((r) => [r.id, r]));
    for (const n of notices) {
      const r = byId.get(n.recipient);
      if (!r || n.items.length === 0) continue;
      const alarmIds = noticeIds(n.items);
      if (r.channels.includes('console')) {
        events.push({
          body: { type: 'alarm.notified', payload: { alarmIds, alarmCount: n.items.length, recipient: r.id, channel: 'console', step: n.step, consolidated: n.consolidated, delivered: true } },
          actor: 'system',
        });
      }
      if (r.channels.includes('webhook')) this.sendWebhooks(r, n.step, n.consolidated, n.items, now);
    }
    return events;
  }

  private sendWebhooks(r: Recipient, step: number, consolidated: boolean, alarms: readonly AlarmRecord[], now: number): void {
    if (this.d.webhooks.length === 0 || this.stopped) return;
    const body = webhookBody({
      id: `${this.d.plant.meta.id}-${now}-${++this.counter}-${r.id}`,
      plant: { id: this.d.plant.meta.id, name: this.d.plant.meta.name },
      now,
      recipient: r,
      step,
      consolidated,
      alarms,
      areaName: (id) => this.areaNames.get(id) ?? { zh: id, en: id },
    });
    const alarmIds = noticeIds(alarms);
    for (const url of this.d.webhooks) {
      const p = this.post(url, body)
        .catch((err: unknown) => ({ delivered: false, error: err instanceof Error ? err.message : String(err), attempts: 0 }))
        .then((res) => {
          try {
            this.d.engine.append(
              {
                type: 'alarm.notified',
                payload: {
                  alarmIds,
                  alarmCount: alarms.length,
                  recipient: r.id,
                  channel: 'webhook',
                  step,
                  consolidated,
                  delivered: res.delivered,
                  ...(res.delivered ? {} : { error: `${url}: ${res.error ?? 'failed'}`.slice(0, 500) }),
                },
              },
              'system',
            );
          } catch (err) {
            // The journal is closed (shutdown) or busy: the delivery happened, only its record is lost.
            console.error('could not journal a webhook delivery:', err);
          }
        });
      const done = p.finally(() => this.inFlight.delete(done));
      this.inFlight.add(done);
    }
  }
}

/** The journal names the first alarms of a burst; the count and the webhook body carry the rest. */
function noticeIds(alarms: readonly AlarmRecord[]): string[] {
  return alarms.slice(0, NOTICE_ID_LIMIT).map((a) => a.id);
}
