import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the address the nearest proxy saw: x-real-ip, else the last forwarded hop (a client can only prepend), else unknown", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.7, 10.0.0.1", "x-real-ip": "10.0.0.9" }))).toBe("10.0.0.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "forged-by-client, 203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientAddress(new Headers({ "x-real-ip": "10.0.0.9" }))).toBe("10.0.0.9");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
