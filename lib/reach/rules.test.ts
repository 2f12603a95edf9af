import { describe, expect, it } from "vitest";
import { ackDueAt, afterQuietHours, daysLeft, escalationLevel, isAckLate } from "./rules";

const deadline = new Date("2026-06-10T23:59:59+08:00");

describe("reach rules", () => {
  it("counts calendar days to the deadline in Beijing time", () => {
    expect(daysLeft(deadline, new Date("2026-06-07T00:30:00+08:00"))).toBe(3);
    expect(daysLeft(deadline, new Date("2026-06-06T23:30:00+08:00"))).toBe(4);
    expect(daysLeft(deadline, new Date("2026-06-10T08:00:00+08:00"))).toBe(0);
  });

  it("raises blue on the first overdue day, yellow after 3 and red after 7 days", () => {
    const at = (day: string) => new Date(`${day}T09:00:00+08:00`);
    expect(escalationLevel("pending", deadline, at("2026-06-10"))).toBeNull();
    expect(escalationLevel("pending", deadline, at("2026-06-11"))).toBe("blue");
    expect(escalationLevel("returned", deadline, at("2026-06-13"))).toBe("blue");
    expect(escalationLevel("pending", deadline, at("2026-06-14"))).toBe("yellow");
    expect(escalationLevel("pending", deadline, at("2026-06-18"))).toBe("red");
    expect(escalationLevel("submitted", deadline, at("2026-06-18"))).toBeNull();
    expect(escalationLevel("pending", deadline, at("2026-06-12"), [1, 2, 3])).toBe("blue");
  });

  it("is late for 签收 only once the limit after publication has passed", () => {
    const publishedAt = new Date("2026-06-01T10:00:00+08:00");
    expect(ackDueAt(publishedAt, 24)?.toISOString()).toBe("2026-06-02T02:00:00.000Z");
    const item = { status: "pending" as const, publishedAt, acknowledgedAt: null };
    expect(isAckLate(item, 24, new Date("2026-06-02T09:59:00+08:00"))).toBe(false);
    expect(isAckLate(item, 24, new Date("2026-06-02T10:00:00+08:00"))).toBe(true);
    expect(isAckLate({ ...item, acknowledgedAt: publishedAt }, 24, new Date("2026-06-05T00:00:00+08:00"))).toBe(false);
    expect(isAckLate({ ...item, publishedAt: null }, 24, new Date("2026-06-05T00:00:00+08:00"))).toBe(false);
  });

  it("holds outside messages until quiet hours end", () => {
    const quiet = { quietStartHour: 22, quietEndHour: 7 };
    const late = new Date("2026-06-01T23:10:00+08:00");
    expect(afterQuietHours(late, quiet).toISOString()).toBe(new Date("2026-06-02T07:00:00+08:00").toISOString());
    const early = new Date("2026-06-02T03:00:00+08:00");
    expect(afterQuietHours(early, quiet).toISOString()).toBe(new Date("2026-06-02T07:00:00+08:00").toISOString());
    const day = new Date("2026-06-02T12:00:00+08:00");
    expect(afterQuietHours(day, quiet)).toBe(day);
    expect(afterQuietHours(late, { quietStartHour: 0, quietEndHour: 0 })).toBe(late);
    const lunch = { quietStartHour: 12, quietEndHour: 14 };
    expect(afterQuietHours(day, lunch).toISOString()).toBe(new Date("2026-06-02T14:00:00+08:00").toISOString());
  });
});
