// @vitest-environment node
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptField, deriveKeys, encryptField, hashIp, parseKey } from "@/lib/appointments/crypto";

const key = randomBytes(32);

describe("field encryption", () => {
  it("round-trips text, including accents and emoji, and never repeats a ciphertext", () => {
    const text = "José Núñez 👋";
    const first = encryptField(key, text, "record-1");
    const second = encryptField(key, text, "record-1");
    expect(first).not.toBe(second);
    expect(first).not.toContain("José");
    expect(decryptField(key, first, "record-1")).toBe(text);
  });

  it("detects a changed ciphertext, a value moved to another record and a wrong key", () => {
    const sealed = encryptField(key, "Jane Doe", "record-1");
    const [version, iv, body, tag] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64");
    flipped[0]! ^= 1;
    expect(() => decryptField(key, [version, iv, flipped.toString("base64"), tag].join("."), "record-1")).toThrow(
      "could not be decrypted",
    );
    expect(() => decryptField(key, sealed, "record-2")).toThrow("could not be decrypted");
    expect(() => decryptField(randomBytes(32), sealed, "record-1")).toThrow("could not be decrypted");
    expect(() => decryptField(key, "garbage", "record-1")).toThrow("not in the expected format");
  });
});

describe("keys", () => {
  it("reads 32-byte keys as base64 or hex and explains a wrong one", () => {
    expect(parseKey(key.toString("base64"))).toEqual(key);
    expect(parseKey(key.toString("hex"))).toEqual(key);
    expect(() => parseKey("too-short")).toThrow(/APPOINTMENTS_KEY must be 32 random bytes/);
  });

  it("derives separate keys for encryption and IP hashing, and hashes IPs without revealing them", () => {
    const { encryption, ipHash } = deriveKeys(key);
    expect(encryption.equals(ipHash)).toBe(false);
    expect(hashIp(ipHash, "203.0.113.7")).toBe(hashIp(ipHash, "203.0.113.7"));
    expect(hashIp(ipHash, "203.0.113.7")).not.toContain("203");
    expect(hashIp(ipHash, "203.0.113.7")).not.toBe(hashIp(ipHash, "203.0.113.8"));
  });
});
